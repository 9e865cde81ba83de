namespace Tapline.Passes.Attachments;

/// <summary>A sampling perf event on every CPU: perf_event_open's type and config, and the events between samples.</summary>
public sealed record PerfAttachment(uint Type, ulong Config, long SamplePeriod) : ProbeAttachment;
