using Tapline.Passes.Attachments;
using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// A plug-in family's open events. Each event is a <see cref="TraceEvent"/> whose format
/// names the stream of the attachment it belongs to (`system:name`, as a tracepoint's), on
/// the monotonic clock; handlers read its fields as they read a tracepoint's.
/// </summary>
public interface IEventSource : IDisposable
{
    /// <summary>The stream (a format's `system:name`) the events of <paramref name="attachment"/> come under.</summary>
    string StreamOf(ProbeAttachment attachment);

    /// <summary>
    /// Hands <paramref name="handler"/> the events that happened at or before <paramref name="time"/>
    /// (monotonic nanoseconds), in time order; false once no event will come any more.
    /// </summary>
    bool Deliver(ITraceEventHandler handler, long time);
}
