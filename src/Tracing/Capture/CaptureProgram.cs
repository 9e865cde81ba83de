using Tapline.Tracing.Bpf;

namespace Tapline.Tracing.Capture;

/// <summary>
/// A capture plan as a tracepoint program: it uses a one-entry per-CPU array of
/// <paramref name="BufferBytes"/> (map <see cref="BufferMap"/>) to assemble each record, and
/// sends it through the perf event array <see cref="OutputMap"/>, one bpf-output event per CPU.
/// </summary>
/// <param name="Retry">The program on `raw_syscalls:sys_exit` that copies again what faulted at the start (map <see cref="PendingMap"/>), or null.</param>
public sealed record CaptureProgram(CapturePlan Plan, BpfProgram Program, int BufferBytes, BpfProgram? Retry = null)
{
    /// <summary>The program, then the exit program when there is one: what is loaded into the kernel.</summary>
    public IEnumerable<BpfProgram> Programs => Retry is null ? [Program] : [Program, Retry];

    public const string BufferMap = "buffer";
    public const string OutputMap = "output";

    /// <summary>Records waiting for their syscall to end, by thread id (an LRU hash: a thread that never returns is forgotten).</summary>
    public const string PendingMap = "pending";

    /// <summary>A one-entry array counting the records waiting, so the exit program of a syscall with none waiting (nearly all) ends at once.</summary>
    public const string WaitingMap = "waiting";

    /// <summary>How many threads' records may wait at once.</summary>
    public const int PendingEntries = 4096;
}
