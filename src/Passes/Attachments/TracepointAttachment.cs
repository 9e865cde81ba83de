namespace Tapline.Passes.Attachments;

/// <summary>A kernel tracepoint, `system:name`, opened on every CPU.</summary>
/// <param name="IsReturn">The point is where a syscall returns: what `is_return()` reports.</param>
public sealed record TracepointAttachment(string System, string Name, bool IsReturn = false) : ProbeAttachment
{
    /// <summary>
    /// The only syscall whose events the handler runs on (`syscall.NAME` on `raw_syscalls`), or
    /// null for all: pass 5 reaches the handler through a table indexed by the event's `id`.
    /// </summary>
    public long? SyscallNumber { get; init; }

    /// <summary>An ftrace filter (`ret < 0`) outside which the handler provably does nothing (pass 3's proof), or null.</summary>
    public string? KernelFilter { get; init; }

    /// <summary>
    /// The handler reads the traced process's memory, which pass 3's capture program copies while
    /// the event fires: a recording without those copies cannot serve it.
    /// </summary>
    public bool ReadsUserMemory { get; init; }

    /// <summary>`kernel.trace("system:name")`: how a tracepoint is named as a probe point (and by `pp()`).</summary>
    public static string PointText(string system, string name) => $"kernel.trace(\"{system}:{name}\")";
}
