using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

/// <summary>
/// `foreach (VALUE = [K1, K2+] in ARRAY[SLICE]@sum- limit N) BODY`. At most one of the
/// value, the keys or the array carries a sort direction (the array's means by value, or
/// by the statistic's <see cref="SortAggregate"/> such as `@sum`). A foreach over
/// `@hist_log(s)` walks the histogram's buckets: its <see cref="Array"/> is empty.
/// </summary>
public sealed record ForeachStatementSyntax(
    SourceSpan Span,
    ForeachVariableSyntax? Value,
    ImmutableArray<ForeachVariableSyntax> Keys,
    bool KeysBracketed,
    string Array,
    HistogramExpressionSyntax? Histogram,
    ImmutableArray<ExpressionSyntax>? Slice,
    SortDirection ArraySort,
    string? SortAggregate,
    ExpressionSyntax? Limit,
    StatementSyntax Body) : StatementSyntax(Span);

public sealed record ForeachVariableSyntax(SourceSpan Span, string Name, SortDirection Sort) : SyntaxNode(Span);

public enum SortDirection
{
    None,
    Ascending,
    Descending,
}
