namespace Tapline.Passes.Attachments;

/// <summary>`probe prometheus`: run on each scrape of the metrics endpoint.</summary>
public sealed record PrometheusAttachment : ProbeAttachment;
