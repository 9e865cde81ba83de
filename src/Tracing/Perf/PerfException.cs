namespace Tapline.Tracing.Perf;

/// <summary>A kernel call of the reader failed; the message says which, why, and what to do about it.</summary>
public sealed class PerfException(string message) : Exception(message)
{
    public PerfException(string operation, int error)
        : this($"{operation} failed: {LibC.ErrorText(error)}{Advice(error)}")
    {
        Error = error;
    }

    public int Error { get; }

    private static string Advice(int error) => error switch
    {
        1 or 13 => " (tracing needs root, or CAP_PERFMON with kernel.perf_event_paranoid at most 1 for system-wide tracepoints)",
        24 => " (too many open files: raise the limit with ulimit -n)",
        2 => " (the tracepoint is not in this kernel, or tracefs is not mounted)",
        _ => "",
    };
}
