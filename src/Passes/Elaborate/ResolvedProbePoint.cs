using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// A concrete probe point that a provider resolved: `kernel.trace("raw_syscalls:sys_exit")`,
/// `timer.ms(100)`, `begin`. Its family's provider subclasses it with the typed data it needs
/// later, and says through <see cref="Attachment"/> how pass 5 attaches a handler to it.
/// </summary>
public abstract record ResolvedProbePoint(string Text)
{
    /// <summary>What pass 5 opens for the point, typed by its family.</summary>
    public abstract ProbeAttachment Attachment { get; }

    /// <summary>
    /// For a point where something returns, the point where it began (`raw_syscalls:sys_exit`
    /// began at `raw_syscalls:sys_enter`), where `@entry(e)` evaluates e; null for the others.
    /// </summary>
    public virtual ProbeAttachment? EntryAttachment => null;

    /// <summary>The context variables (`$name`) a handler on this point may read.</summary>
    public virtual IReadOnlyList<ContextVariableSymbol> ContextVariables => [];

    public ContextVariableSymbol? FindContextVariable(string name) => ContextVariables.FirstOrDefault(v => v.Name == name);
}
