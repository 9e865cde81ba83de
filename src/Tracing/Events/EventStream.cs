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

    /// <summary>Where a record's copied user memory starts (a capture program's bpf-output event), or 0 for none.</summary>
    public int CaptureStart { get; init; }

    /// <summary>Samples of this event read so far (the tracer's own included).</summary>
    public long Samples { get; internal set; }
}
