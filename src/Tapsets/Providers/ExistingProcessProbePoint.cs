using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// Once for each user process that already runs when a live run starts, in its context
/// (its pid, tid and name): what stap's `process.begin` adds to the processes it sees begin.
/// </summary>
public sealed record ExistingProcessProbePoint() : ResolvedProbePoint("process.begin")
{
    public override ProbeAttachment Attachment { get; } = new ExistingProcessAttachment();
}
