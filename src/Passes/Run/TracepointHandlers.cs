using Tapline.Passes.Attachments;
using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// The handlers of one event stream (a tracepoint, a perf event, a plug-in family's stream), in
/// script order. When some take only one syscall's events (the hundreds of `syscall.NAME`
/// handlers on raw_syscalls, `.syscall(N)`), an event reaches its handlers through a table
/// indexed by the event's `id`.
/// </summary>
internal sealed class TracepointHandlers
{
    /// <summary>The field that holds a raw_syscalls event's syscall number.</summary>
    public const string SyscallField = "id";

    private readonly ProbeHandler[] _ungated;
    private readonly ProbeHandler[][]? _bySyscall;

    /// <summary>A tracepoint's handlers, each with its syscall, its kernel filter and whether the stream is a return.</summary>
    public TracepointHandlers(IReadOnlyList<AttachedHandler<TracepointAttachment>> handlers)
        : this([.. handlers.Select(h => h.Handler)], [.. handlers.Select(h => h.Attachment.SyscallNumber)],
            [.. handlers.Select(h => h.Attachment.KernelFilter)], handlers.Any(h => h.Attachment.IsReturn))
    {
        ReadingUserMemory = [.. handlers.Where(h => h.Attachment.ReadsUserMemory).Select(h => h.Handler.Location.Length > 0 ? $"{h.Handler.Point} at {h.Handler.Location}" : h.Handler.Point)];
    }

    /// <summary>The handlers that read user memory copied at the event, each as its point and where the probe is declared.</summary>
    public IReadOnlyList<string> ReadingUserMemory { get; } = [];

    /// <param name="syscalls">For each handler, the one syscall it takes the events of, or null for all.</param>
    /// <param name="kernelFilters">For each handler, its kernel filter, or null.</param>
    private TracepointHandlers(ProbeHandler[] handlers, long?[] syscalls, string?[] kernelFilters, bool isReturn)
    {
        All = handlers;
        IsReturn = isReturn;
        KernelFilters = kernelFilters;
        var positions = Enumerable.Range(0, handlers.Length).ToList();
        var ungated = positions.Where(p => syscalls[p] is null).ToList();
        _ungated = [.. ungated.Select(p => handlers[p])];
        var gated = positions.Where(p => syscalls[p] is >= 0).ToLookup(p => syscalls[p]!.Value);
        if (gated.Count == 0)
            return;
        _bySyscall = new ProbeHandler[gated.Max(g => g.Key) + 1][];
        Array.Fill(_bySyscall, _ungated);
        foreach (var own in gated)
            _bySyscall[own.Key] = [.. ungated.Concat(own).Order().Select(p => handlers[p])];
    }

    /// <summary>Handlers that take every event of their stream (a perf event's, a plug-in family's), with no kernel filter.</summary>
    public static TracepointHandlers TakingEveryEvent(ProbeHandler[] handlers, bool isReturn = false) =>
        new(handlers, new long?[handlers.Length], new string?[handlers.Length], isReturn);

    /// <summary>
    /// A `process("PATH")` uprobe's handlers: with a `-c` command or `-x` pid they run only in the
    /// target and its descendants, as stap's do.
    /// </summary>
    public static TracepointHandlers OfUprobe(ProbeHandler[] handlers, bool isReturn) =>
        new(handlers, new long?[handlers.Length], new string?[handlers.Length], isReturn) { TargetFamilyOnly = true };

    /// <summary>The handlers run only for events of the `-c`/`-x` target's processes, when there is a target.</summary>
    public bool TargetFamilyOnly { get; private init; }

    public IReadOnlyList<ProbeHandler> All { get; }

    /// <summary>Each handler's kernel filter (pass 3's), or null where it has none.</summary>
    public IReadOnlyList<string?> KernelFilters { get; }

    /// <summary>A syscall's exit tracepoint (`raw_syscalls:sys_exit`, `syscalls:sys_exit_open`): what `is_return()` reports.</summary>
    public bool IsReturn { get; }

    public bool DispatchesBySyscall => _bySyscall is not null;

    /// <summary>The handlers an event of syscall <paramref name="number"/> runs, in script order.</summary>
    public ProbeHandler[] For(long number) =>
        _bySyscall is not null && number >= 0 && number < _bySyscall.Length ? _bySyscall[number] : _ungated;

    /// <summary>The handlers of an event when none is gated.</summary>
    public ProbeHandler[] Ungated => _ungated;
}
