using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// A plug-in family's open events. Each event is a <see cref="TraceEvent"/> whose format is
/// named as its family's <see cref="IEventSourceFamily.StreamOf"/> names the stream, timed on
/// the monotonic clock; handlers read its fields as they read a tracepoint's.
/// </summary>
public interface IEventSource : IDisposable
{
    /// <summary>
    /// Hands <paramref name="handler"/> the events that happened at or before <paramref name="time"/>
    /// (monotonic nanoseconds), in time order; false once no event will come any more.
    /// </summary>
    bool Deliver(ITraceEventHandler handler, long time);
}
