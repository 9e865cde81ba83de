using System.Collections.Immutable;
using Tapline.Passes.Binding;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// A resolved probe: one concrete point, the names it came through, its handler (alias
/// prologues, the user's body, epilogues) and its locals, and the user's `if` condition.
/// </summary>
public sealed record BoundProbe(
    ResolvedProbePoint Point,
    ImmutableArray<string> Chain,
    BoundBlock Body,
    ImmutableArray<LocalSymbol> Locals,
    BoundExpression? Condition,
    ProbeSyntax Syntax)
{
    /// <summary>
    /// The chain from the concrete point back to the user's point, each name once where
    /// neighbours repeat (`begin` came through `begin`): what listings and comments show.
    /// </summary>
    public IEnumerable<string> Origins => Chain.Reverse().Where((name, i) => i == 0 || name != Chain[^i]);
}
