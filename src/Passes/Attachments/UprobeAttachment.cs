namespace Tapline.Passes.Attachments;

/// <summary>
/// A uprobe at <paramref name="Offset"/> of the ELF file <paramref name="Path"/> (the entry of
/// <paramref name="Function"/>), or at its return, in every process that maps the file.
/// </summary>
public sealed record UprobeAttachment(string Path, ulong Offset, string Function, bool IsReturn) : ProbeAttachment
{
    /// <summary>An SDT marker's semaphore, as a file offset: the kernel counts the probe's users there (ref_ctr_offset), so the program runs the marked code.</summary>
    public ulong? SemaphoreOffset { get; init; }

    /// <summary>An SDT marker's arguments, which the probe's program works out as it fires (`$arg1`...).</summary>
    public System.Collections.Immutable.ImmutableArray<Tracing.Capture.CapturedArgument> MarkerArguments { get; init; } = [];

    /// <summary>The format its probe's records come under (`uprobe:NAME`, one for each file, offset and kind): the registers, then the marker's arguments.</summary>
    public Tracing.Catalog.TracepointFormat RecordFormat =>
        Tracing.Uprobes.UserRegisters.Format($"{System.IO.Path.GetFileName(Path)}:{Function}:0x{Offset:x}{(IsReturn ? ":return" : "")}", 0, MarkerArguments.Length);

    /// <summary>The name its records' stream goes by: its format's.</summary>
    public string StreamName => RecordFormat.FullName;
}
