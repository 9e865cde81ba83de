using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// One concrete probe that a user's probe point expanded into: the point, the chain of
/// names it came through (the user's point first, then each alias name matched, the
/// concrete point last; neighbours may be the same text, as `begin` is to `begin`), and the
/// aliases passed on the way (outermost first), whose bodies wrap the user's handler.
/// </summary>
/// <param name="Condition">The user's `if (...)` on the point, if any.</param>
public sealed record ProbeExpansion(
    ResolvedProbePoint Point, ImmutableArray<string> Chain, ImmutableArray<ProbeAliasSyntax> Aliases, ExpressionSyntax? Condition = null)
{
    /// <summary>The handler's parts in run order: prologues (innermost alias first), the body, epilogues.</summary>
    public IReadOnlyList<BlockStatementSyntax> BodyParts(BlockStatementSyntax userBody)
    {
        var parts = new List<BlockStatementSyntax>();
        for (var i = Aliases.Length - 1; i >= 0; i--)
        {
            if (!Aliases[i].IsEpilogue)
                parts.Add(Aliases[i].Body);
        }
        parts.Add(userBody);
        foreach (var alias in Aliases.Where(a => a.IsEpilogue))
            parts.Add(alias.Body);
        return parts;
    }
}
