namespace Tapline.Tracing.Events;

/// <summary>
/// One tracepoint hit as the run pass sees it: which tracepoint, when (nanoseconds of the
/// source's clock), where, who, and the record itself, still in the ring or the recording.
/// Valid only while the handler that receives it runs.
/// </summary>
/// <param name="captureStart">Where the user memory copied while the event fired starts in <paramref name="raw"/>, or 0 when none was.</param>
public readonly ref struct TraceEvent(EventFormat format, long time, int cpu, int pid, int tid, ReadOnlySpan<byte> raw, int captureStart = 0)
{
    public EventFormat Format { get; } = format;
    public long Time { get; } = time;
    public int Cpu { get; } = cpu;
    public int Pid { get; } = pid;
    public int Tid { get; } = tid;
    public ReadOnlySpan<byte> Raw { get; } = raw;
    public int CaptureStart { get; } = captureStart;
}

/// <summary>What a trace source delivers to, in timestamp order.</summary>
public interface ITraceEventHandler
{
    void Handle(in TraceEvent traceEvent);
}
