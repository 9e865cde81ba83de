namespace Tapline.Tracing.Events;

/// <summary>
/// One tracepoint hit as the run pass sees it: which tracepoint, when (nanoseconds of the
/// source's clock), where, who, and the record itself, still in the ring or the recording.
/// Valid only while the handler that receives it runs.
/// </summary>
public readonly ref struct TraceEvent(EventFormat format, long time, int cpu, int pid, int tid, ReadOnlySpan<byte> raw)
{
    public EventFormat Format { get; } = format;
    public long Time { get; } = time;
    public int Cpu { get; } = cpu;
    public int Pid { get; } = pid;
    public int Tid { get; } = tid;
    public ReadOnlySpan<byte> Raw { get; } = raw;
}

/// <summary>What a trace source delivers to, in timestamp order.</summary>
public interface ITraceEventHandler
{
    void Handle(in TraceEvent traceEvent);
}
