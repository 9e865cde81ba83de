namespace Tapline.Tracing.Perf;

/// <param name="DataPages">Data pages per CPU ring, a power of two.</param>
/// <param name="ExcludeSelf">Filter out the tracer's own threads in the kernel, so its syscalls do not feed on themselves.</param>
public sealed record LiveTraceOptions(int DataPages = 256, bool ExcludeSelf = true)
{
    /// <summary>How far behind the clock the merge stays when a CPU's ring is empty: records are stamped before they are written.</summary>
    public long ReorderMarginNanoseconds { get; init; } = 2_000_000;
}

/// <summary>
/// A tracepoint to open, the kernel-side filter its events must pass (or null), and the program
/// that copies user memory while its events fire (or null).
/// </summary>
public sealed record LiveTracepoint(Events.EventFormat Format, string? Filter = null, Capture.CaptureProgram? Capture = null);

/// <summary>
/// A sampling perf event to open on every CPU (perf_event_open's type, config and sample
/// period), its samples delivered under <paramref name="Format"/>, a format without fields.
/// </summary>
public sealed record LiveSampler(uint Type, ulong Config, long Period, Events.EventFormat Format, string Description);

/// <summary>
/// A uprobe to place: the file offset <paramref name="Offset"/> of the ELF file at
/// <paramref name="Path"/>, at the function's entry or (<paramref name="IsReturn"/>) its return,
/// in every process that maps it. Its hits come as records of <paramref name="Capture"/>'s
/// program (the registers, and any strings its handlers read), under <paramref name="Format"/>.
/// </summary>
public sealed record LiveUprobe(string Path, ulong Offset, bool IsReturn, Events.EventFormat Format, Capture.CaptureProgram Capture)
{
    /// <summary>An SDT semaphore's file offset, which the kernel raises while the probe is placed (ref_ctr_offset), or null.</summary>
    public ulong? SemaphoreOffset { get; init; }
}
