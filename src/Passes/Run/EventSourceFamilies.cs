using Tapline.Passes.Attachments;

namespace Tapline.Passes.Run;

/// <summary>The plug-in families' event sources a run may use, registered where the pipeline is assembled.</summary>
public sealed class EventSourceFamilies(IReadOnlyList<IEventSourceFamily> families)
{
    public static readonly EventSourceFamilies None = new([]);

    /// <summary>The family whose kind the attachment is, or null.</summary>
    public IEventSourceFamily? Serving(ProbeAttachment attachment) => families.FirstOrDefault(f => f.Serves(attachment));
}
