using Tapline.Passes.Attachments;

namespace Tapline.Passes.Run;

/// <summary>
/// What serves a probe family's points in pass 5, for a family from outside Tapline (a plug-in):
/// it owns one kind of <see cref="ProbeAttachment"/>, names the stream each attachment's events
/// come under, and opens them. The built-in kinds (tracepoints, perf events, timers, begin and
/// end...) are the run pass's own.
/// </summary>
public interface IEventSourceFamily
{
    /// <summary>Whether the attachment is of this family's kind.</summary>
    bool Serves(ProbeAttachment attachment);

    /// <summary>The stream (the events' format's `system:name`) the events of <paramref name="attachment"/> come under.</summary>
    string StreamOf(ProbeAttachment attachment);

    /// <summary>
    /// Opens the events of a live run for the attachments the family serves (each once, however
    /// many handlers share it); a failure to open is an <see cref="EventSourceException"/>.
    /// </summary>
    IEventSource Open(IReadOnlyList<ProbeAttachment> attachments);
}

/// <summary>Why a family's events could not be opened, in a sentence the run reports.</summary>
public sealed class EventSourceException(string message) : Exception(message);
