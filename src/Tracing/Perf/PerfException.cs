namespace Tapline.Tracing.Perf;

/// <summary>A kernel call of the reader failed; the message says which, why, and what to do about it.</summary>
public sealed class PerfException(string message) : Exception(message)
{
    public PerfException(string operation, int error, bool tracepoint = true)
        : this($"{operation} failed: {LibC.ErrorText(error)}{(tracepoint || error != 2 ? Advice(error) : NoSuchEvent)}")
    {
        Error = error;
    }

    private const string NoSuchEvent = " (this machine does not count that event: a virtual machine has no hardware counters; the software events perf.sw.* work)";

    public int Error { get; }

    private static string Advice(int error) => error switch
    {
        1 or 13 => " (tracing needs root, or CAP_PERFMON with kernel.perf_event_paranoid at most 1 for system-wide tracepoints)",
        24 => " (too many open files: raise the limit with ulimit -n)",
        2 => " (the tracepoint is not in this kernel, or tracefs is not mounted)",
        _ => "",
    };
}
