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

/// <summary>
/// `f()->x`, `(p)[1]`, `arr[k]->next`: members after a value that is not a context
/// variable, @cast or @var, typed by the value's own (DWARF) type, as stap's autocast.
/// </summary>
public sealed record AutocastExpressionSyntax(SourceSpan Span, ExpressionSyntax Operand, ImmutableArray<MemberAccessSyntax> Members)
    : ExpressionSyntax(Span);

/// <summary>
/// An operator on the probed machine's state: `@perf("name")`, `@kregister(n)`, `@uregister(n)`,
/// `@kderef(size, addr)`, `@uderef(size, addr)`, `@probewrite(var)`, `@const("C")`.
/// </summary>
public sealed record MachineOperatorExpressionSyntax(SourceSpan Span, string Operator, ImmutableArray<ExpressionSyntax> Arguments)
    : ExpressionSyntax(Span);

/// <summary>`%{ code %}` as a value (guru mode).</summary>
public sealed record EmbeddedExpressionSyntax(SourceSpan Span, EmbeddedCodeSyntax Code) : ExpressionSyntax(Span);

public abstract record MemberAccessSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>`->name`</summary>
public sealed record FieldAccessSyntax(SourceSpan Span, string Field) : MemberAccessSyntax(Span);

/// <summary>`[index]`</summary>
public sealed record ElementAccessSyntax(SourceSpan Span, ExpressionSyntax Index) : MemberAccessSyntax(Span);

/// <summary>`$` or `$$` after the members (`$p->x$`, `$a[1]$$`): print the value as a string, members too.</summary>
public sealed record PrettyPrintSuffixSyntax(SourceSpan Span, string Dollars) : MemberAccessSyntax(Span);
