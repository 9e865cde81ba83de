namespace Tapline.Runtime;

/// <summary>
/// The base of every generated probe module: its handlers, in the order of the table pass 3
/// wrote (what each is attached to is pass 3's output, not the module's), and where its
/// statements are.
/// </summary>
public abstract class ProbeModule
{
    public abstract IReadOnlyList<ProbeHandler> Handlers { get; }

    /// <summary>Each statement's `file:line:column`, by the index a handler sets <see cref="ProbeContext.Statement"/> to.</summary>
    public virtual IReadOnlyList<string> StatementLocations => [];
}

/// <param name="Point">The concrete point, as `pp()` names it: `kernel.trace("raw_syscalls:sys_exit")`, `timer.ms(100)`, `begin`.</param>
/// <param name="Run">The handler.</param>
/// <param name="Location">Where the probe is declared, `file:line:column`, for `-t`'s report.</param>
/// <param name="Derivation">The points it came through, as `-t` prints them: ` from: kernel.trace("sys_enter")`.</param>
public sealed record ProbeHandler(string Point, Action<ProbeContext> Run, string Location = "", string Derivation = "");

/// <summary>`next` inside a function: leave the probe handler at once.</summary>
public sealed class NextProbeException() : Exception("next");
