using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

/// <summary>`@count(s)`, `@sum`, `@min`, `@max`, `@avg`, `@variance`: an aggregate of a statistic.</summary>
public sealed record AggregateExpressionSyntax(SourceSpan Span, string Operator, ExpressionSyntax Statistic)
    : ExpressionSyntax(Span);

/// <summary>`@hist_log(s)` or `@hist_linear(s, low, high, width)`.</summary>
public sealed record HistogramExpressionSyntax(
    SourceSpan Span, string Operator, ExpressionSyntax Statistic, ImmutableArray<ExpressionSyntax> Parameters)
    : ExpressionSyntax(Span);

/// <summary>`@entry(e)`: the value of e when the matching entry probe fired.</summary>
public sealed record EntryExpressionSyntax(SourceSpan Span, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary>`@defined(e)`: whether a context variable resolves.</summary>
public sealed record DefinedExpressionSyntax(SourceSpan Span, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary>`@cast(e, "type", "module")->field`.</summary>
public sealed record CastExpressionSyntax(
    SourceSpan Span, ExpressionSyntax Operand, string TypeName, string? Module, ImmutableArray<MemberAccessSyntax> Members)
    : ExpressionSyntax(Span);

/// <summary>`@var("name@file", "module")->field`.</summary>
public sealed record VarExpressionSyntax(SourceSpan Span, string Name, string? Module, ImmutableArray<MemberAccessSyntax> Members)
    : ExpressionSyntax(Span);

public abstract record MemberAccessSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>`->name`</summary>
public sealed record FieldAccessSyntax(SourceSpan Span, string Field) : MemberAccessSyntax(Span);

/// <summary>`[index]`</summary>
public sealed record ElementAccessSyntax(SourceSpan Span, ExpressionSyntax Index) : MemberAccessSyntax(Span);
