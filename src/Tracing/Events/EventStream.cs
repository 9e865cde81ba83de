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

    /// <summary>
    /// For the stream of a uprobe link, each uprobe's format by its cookie, which the record's
    /// type field holds; null when every record is of <see cref="Format"/>.
    /// </summary>
    public IReadOnlyList<EventFormat>? FormatsByType { get; init; }

    /// <summary>The format of a record of this stream.</summary>
    public EventFormat? FormatOf(ReadOnlySpan<byte> raw) =>
        FormatsByType is { } formats && raw.Length >= 2 && System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(raw) is var type && type < formats.Count
            ? formats[type]
            : Format;

    /// <summary>Samples of this event read so far (the tracer's own included).</summary>
    public long Samples { get; internal set; }
}
