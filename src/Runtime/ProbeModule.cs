namespace Tapline.Runtime;

/// <summary>
/// The base of every generated probe module: its handlers, each with what the run pass
/// needs to attach it (the point, its tracepoint or timer, the syscall number it is gated on).
/// </summary>
public abstract class ProbeModule
{
    public abstract IReadOnlyList<ProbeHandler> Handlers { get; }

    /// <summary>Each statement's `file:line:column`, by the index a handler sets <see cref="ProbeContext.Statement"/> to.</summary>
    public virtual IReadOnlyList<string> StatementLocations => [];
}

/// <param name="Point">The concrete point: `kernel.trace("raw_syscalls:sys_exit")`, `timer.ms(100)`, `begin`.</param>
/// <param name="Family">"tracepoint", "perf", "timer", "begin", "end", "error", "never", "prometheus" or "process-existing".</param>
/// <param name="Tracepoint">`system:name` for a tracepoint; `TYPE:CONFIG` (perf_event_open's) for a perf event.</param>
/// <param name="Parameter">A timer's period in nanoseconds, a perf event's sample period, a begin/end/error probe's priority.</param>
/// <param name="SyscallGate">The syscall number a `syscall.NAME` handler starts by checking, so the run pass can dispatch by number.</param>
/// <param name="Run">The handler.</param>
/// <param name="KernelFilter">An ftrace filter (`ret < 0`) outside which the handler provably does nothing, or null.</param>
/// <param name="Location">Where the probe is declared, `file:line:column`, for `-t`'s report.</param>
/// <param name="Derivation">The points it came through, as `-t` prints them: ` from: kernel.trace("sys_enter")`.</param>
/// <param name="Spread">A timer's `.randomize(M)` in nanoseconds: each period is off by up to this much either way.</param>
public sealed record ProbeHandler(
    string Point, string Family, string? Tracepoint, long Parameter, long? SyscallGate, Action<ProbeContext> Run,
    string? KernelFilter = null, string Location = "", string Derivation = "", long Spread = 0);

/// <summary>`next` inside a function: leave the probe handler at once.</summary>
public sealed class NextProbeException() : Exception("next");
