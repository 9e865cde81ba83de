using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

public abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);

public abstract record LiteralExpressionSyntax(SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A number literal: its 64-bit value and its spelling (`0x1f` stays `0x1f`).</summary>
public sealed record NumberLiteralSyntax(SourceSpan Span, long Value, string Text) : LiteralExpressionSyntax(Span);

/// <summary>A string literal, its escapes decoded.</summary>
public sealed record StringLiteralSyntax(SourceSpan Span, string Value) : LiteralExpressionSyntax(Span);

/// <summary>A variable: a local, a global or a probe's context variable.</summary>
public sealed record NameExpressionSyntax(SourceSpan Span, string Name) : ExpressionSyntax(Span);

/// <summary>`array[k1, k2]`; an index may be <see cref="WildcardIndexSyntax"/> where slices are allowed.</summary>
public sealed record IndexExpressionSyntax(SourceSpan Span, string Array, ImmutableArray<ExpressionSyntax> Indexes)
    : ExpressionSyntax(Span);

/// <summary>`*` in place of an index: every key at that position.</summary>
public sealed record WildcardIndexSyntax(SourceSpan Span) : ExpressionSyntax(Span);

public sealed record CallExpressionSyntax(SourceSpan Span, string Function, ImmutableArray<ExpressionSyntax> Arguments)
    : ExpressionSyntax(Span);

/// <summary>`$name`, `$$vars`, `$ptr->field[2]`: a variable of the probed context.</summary>
public sealed record TargetExpressionSyntax(SourceSpan Span, string Name, ImmutableArray<MemberAccessSyntax> Members)
    : ExpressionSyntax(Span);

public sealed record UnaryExpressionSyntax(SourceSpan Span, string Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary>`++x`, `x--`.</summary>
public sealed record IncrementExpressionSyntax(SourceSpan Span, string Operator, bool IsPrefix, ExpressionSyntax Operand)
    : ExpressionSyntax(Span);

/// <summary>Arithmetic, bitwise, logical, comparison, regex match (`=~ !~`) and concatenation (`.`).</summary>
public sealed record BinaryExpressionSyntax(SourceSpan Span, ExpressionSyntax Left, string Operator, ExpressionSyntax Right)
    : ExpressionSyntax(Span);

/// <summary>`k in array` or `[k1, k2] in array`.</summary>
public sealed record InExpressionSyntax(SourceSpan Span, ImmutableArray<ExpressionSyntax> Keys, bool Bracketed, string Array)
    : ExpressionSyntax(Span);

public sealed record TernaryExpressionSyntax(
    SourceSpan Span, ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse) : ExpressionSyntax(Span);

/// <summary>`=`, the compound assignments, and `&lt;&lt;&lt;` (add a value to a statistic).</summary>
public sealed record AssignmentExpressionSyntax(SourceSpan Span, ExpressionSyntax Target, string Operator, ExpressionSyntax Value)
    : ExpressionSyntax(Span);
