using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Events;

/// <summary>
/// One opened event as its records come back: how its samples are laid out, and the
/// tracepoint they belong to (null for the side-band event that only carries process records).
/// </summary>
public sealed class EventStream(SampleLayout layout, EventFormat? format)
{
    public SampleLayout Layout { get; } = layout;

    public EventFormat? Format { get; } = format;

    /// <summary>Samples of this event read so far (the tracer's own included).</summary>
    public long Samples { get; internal set; }
}
