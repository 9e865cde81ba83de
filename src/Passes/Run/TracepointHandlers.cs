using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// The handlers of one tracepoint, in script order. When some are gated on a syscall number
/// (the hundreds of `syscall.NAME` handlers on raw_syscalls), an event reaches its handlers
/// through a table indexed by the event's `id`, never by trying each handler's gate.
/// </summary>
internal sealed class TracepointHandlers
{
    /// <summary>The field pass 3's syscall gates test: `if ($id != N) next`.</summary>
    public const string SyscallField = "id";

    private readonly ProbeHandler[] _ungated;
    private readonly ProbeHandler[][]? _bySyscall;

    public TracepointHandlers(ProbeHandler[] handlers)
    {
        All = handlers;
        var tracepoint = handlers.Length > 0 ? handlers[0].Tracepoint ?? "" : "";
        IsReturn = tracepoint.EndsWith(":sys_exit", StringComparison.Ordinal) || tracepoint.Contains(":sys_exit_", StringComparison.Ordinal);
        var positions = handlers.Select((handler, position) => (handler, position)).ToList();
        var ungated = positions.Where(p => p.handler.SyscallGate is null).ToList();
        _ungated = [.. ungated.Select(p => p.handler)];
        var gated = positions.Where(p => p.handler.SyscallGate is >= 0).ToLookup(p => p.handler.SyscallGate!.Value);
        if (gated.Count == 0)
            return;
        _bySyscall = new ProbeHandler[gated.Max(g => g.Key) + 1][];
        Array.Fill(_bySyscall, _ungated);
        foreach (var own in gated)
            _bySyscall[own.Key] = [.. ungated.Concat(own).OrderBy(p => p.position).Select(p => p.handler)];
    }

    public IReadOnlyList<ProbeHandler> All { get; }

    /// <summary>A syscall's exit tracepoint (`raw_syscalls:sys_exit`, `syscalls:sys_exit_open`): what `is_return()` reports.</summary>
    public bool IsReturn { get; }

    public bool DispatchesBySyscall => _bySyscall is not null;

    /// <summary>The handlers an event of syscall <paramref name="number"/> runs, in script order.</summary>
    public ProbeHandler[] For(long number) =>
        _bySyscall is not null && number >= 0 && number < _bySyscall.Length ? _bySyscall[number] : _ungated;

    /// <summary>The handlers of an event when none is gated.</summary>
    public ProbeHandler[] Ungated => _ungated;
}
