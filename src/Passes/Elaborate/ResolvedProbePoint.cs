using Tapline.Passes.Binding;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// A concrete probe point that a provider will emit and attach: `kernel.trace("raw_syscalls:sys_exit")`,
/// `timer.ms(100)`, `begin`. Providers subclass it with what they need later.
/// </summary>
public abstract record ResolvedProbePoint(string Family, string Text)
{
    /// <summary>For a tracepoint, `system:name`, which the run pass attaches.</summary>
    public virtual string? Tracepoint => null;

    /// <summary>What the run pass opens: a tracepoint's `system:name`, a perf event's `TYPE:CONFIG`; null for the others.</summary>
    public virtual string? Event => Tracepoint;

    /// <summary>
    /// For a point where something returns, the tracepoint where it began (`raw_syscalls:sys_exit`
    /// began at `raw_syscalls:sys_enter`): `@entry(e)` evaluates e there.
    /// </summary>
    public virtual string? EntryTracepoint => null;

    /// <summary>What else the run pass needs: a timer's period in nanoseconds, a begin/end probe's priority.</summary>
    public virtual long Parameter => 0;

    /// <summary>A timer's `.randomize(M)` in nanoseconds; 0 for the others.</summary>
    public virtual long Spread => 0;

    /// <summary>The context variables (`$name`) a handler on this point may read.</summary>
    public virtual IReadOnlyList<ContextVariableSymbol> ContextVariables => [];

    public ContextVariableSymbol? FindContextVariable(string name) => ContextVariables.FirstOrDefault(v => v.Name == name);
}
