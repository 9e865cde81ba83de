namespace Tapline.Passes.Attachments;

/// <summary>Once in each user process that already runs when a live run starts (part of `process.begin`).</summary>
public sealed record ExistingProcessAttachment : ProbeAttachment;
