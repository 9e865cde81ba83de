using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

/// <summary>
/// A probe point such as `kernel.trace("sched:*").return? if (enabled)`: its dotted
/// components, the optional (`?`) and sufficient (`!`) marks, and a condition.
/// </summary>
public sealed record ProbePointSyntax(
    SourceSpan Span,
    ImmutableArray<ProbePointComponentSyntax> Components,
    bool IsOptional,
    bool IsSufficient,
    ExpressionSyntax? Condition) : SyntaxNode(Span);

/// <summary>One component: a name that may hold `*` wildcards, and an optional literal argument.</summary>
public sealed record ProbePointComponentSyntax(SourceSpan Span, string Name, LiteralExpressionSyntax? Argument)
    : SyntaxNode(Span);
