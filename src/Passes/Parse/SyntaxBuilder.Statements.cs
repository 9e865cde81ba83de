using System.Collections.Immutable;
using Tapline.Grammar.Generated;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

internal sealed partial class SyntaxBuilder
{
    private BlockStatementSyntax BuildBlock(StapParser.BlockContext context) =>
        Node(new BlockStatementSyntax(Span(context), context.statement().Select(BuildStatement).ToImmutableArray()));

    private StatementSyntax BuildStatement(StapParser.StatementContext context) => context switch
    {
        StapParser.BlockStatementContext block => BuildBlock(block.block()),
        StapParser.EmptyStatementContext => Node(new EmptyStatementSyntax(Span(context))),
        StapParser.EmbeddedStatementContext embedded =>
            Node(new EmbeddedStatementSyntax(Span(context), BuildEmbedded(embedded.EMBEDDED().Symbol))),
        StapParser.IfStatementContext ifStatement => Node(new IfStatementSyntax(
            Span(context),
            BuildExpression(ifStatement.expression()),
            BuildStatement(ifStatement.statement(0)),
            ifStatement.statement().Length > 1 ? BuildStatement(ifStatement.statement(1)) : null)),
        StapParser.WhileStatementContext whileStatement => Node(new WhileStatementSyntax(
            Span(context), BuildExpression(whileStatement.expression()), BuildStatement(whileStatement.statement()))),
        StapParser.ForStatementContext forStatement => Node(new ForStatementSyntax(
            Span(context),
            BuildOptional(forStatement.init),
            BuildOptional(forStatement.condition),
            BuildOptional(forStatement.step),
            BuildStatement(forStatement.statement()))),
        StapParser.ForeachStatementContext foreachStatement => BuildForeach(foreachStatement),
        StapParser.TryStatementContext tryStatement => Node(new TryStatementSyntax(
            Span(context),
            BuildBlock(tryStatement.block(0)),
            tryStatement.IDENTIFIER()?.GetText(),
            BuildBlock(tryStatement.block(1)))),
        StapParser.ReturnStatementContext returnStatement => BuildReturn(returnStatement),
        StapParser.BreakStatementContext => Node(new BreakStatementSyntax(Span(context))),
        StapParser.ContinueStatementContext => Node(new ContinueStatementSyntax(Span(context))),
        StapParser.NextStatementContext => Node(new NextStatementSyntax(Span(context))),
        StapParser.DeleteStatementContext deleteStatement =>
            Node(new DeleteStatementSyntax(Span(context), BuildSliceable(deleteStatement.expression()))),
        StapParser.ExpressionStatementContext expression =>
            Node(new ExpressionStatementSyntax(Span(context), BuildExpression(expression.expression()))),
        _ => throw new InvalidOperationException($"unexpected statement {context.GetType().Name}"),
    };

    private ExpressionSyntax? BuildOptional(StapParser.ExpressionContext? context) =>
        context is null ? null : BuildExpression(context);

    private ForeachStatementSyntax BuildForeach(StapParser.ForeachStatementContext context)
    {
        var header = context.foreachHeader();
        var value = header.bound is null ? null : BuildForeachVariable(header.bound);
        var keysContext = header.foreachKeys();
        var keys = keysContext.foreachVariable().Select(BuildForeachVariable).ToImmutableArray();
        ImmutableArray<ExpressionSyntax>? slice = header.arrayIndex() is { } index ? BuildIndexList(index.indexList(), allowWildcards: true) : null;
        var arraySort = ToSortDirection(header.sortMarker());
        var aggregate = header.aggregate?.Text;
        if (aggregate is not null && !SyntaxFacts.AggregateOperators.Contains(aggregate))
            diagnostics.ReportSortAggregate(Span(header.aggregate!), $"'{aggregate}' is not a statistic's aggregate (@count, @sum, @min, @max, @avg or @variance)");
        else if (aggregate is not null && arraySort == SortDirection.None)
            diagnostics.ReportSortAggregate(Span(header.aggregate!), $"'{aggregate}' must be followed by a sort direction ('+' or '-')");
        var (array, histogram) = BuildForeachSource(header.foreachSource());

        var marks = keys.Count(k => k.Sort != SortDirection.None)
            + (value?.Sort != SortDirection.None && value is not null ? 1 : 0)
            + (arraySort != SortDirection.None ? 1 : 0);
        if (marks > 1)
            diagnostics.ReportSeveralSortMarkers(Span(header));

        return Node(new ForeachStatementSyntax(
            Span(context),
            value,
            keys,
            keysContext.LBRACKET() is not null,
            array,
            histogram,
            slice,
            arraySort,
            aggregate,
            header.limit is null ? null : BuildExpression(header.limit),
            BuildStatement(context.statement())));
    }

    /// <summary>The array a foreach walks, or the histogram whose buckets it walks.</summary>
    private (string Array, HistogramExpressionSyntax? Histogram) BuildForeachSource(StapParser.ForeachSourceContext context)
    {
        if (context is StapParser.ArraySourceContext array)
            return (array.IDENTIFIER().GetText(), null);
        var source = (StapParser.HistogramSourceContext)context;
        var name = source.AT_NAME().GetText();
        if (SyntaxFacts.HistogramOperators.Contains(name))
            return ("", BuildAtOperator(name, Span(context), source.argumentList()?.expression() ?? []) as HistogramExpressionSyntax);
        diagnostics.ReportSortAggregate(Span(context), $"foreach walks an array or a histogram (@hist_log, @hist_linear), not '{name}'");
        return ("", null);
    }

    private ForeachVariableSyntax BuildForeachVariable(StapParser.ForeachVariableContext context) =>
        Node(new ForeachVariableSyntax(Span(context), context.IDENTIFIER().GetText(), ToSortDirection(context.sortMarker())));

    private static SortDirection ToSortDirection(StapParser.SortMarkerContext? marker) => marker switch
    {
        null => SortDirection.None,
        _ when marker.PLUS() is not null => SortDirection.Ascending,
        _ => SortDirection.Descending,
    };

    /// <summary>`return`, which only a function may hold: in a probe or alias body it is refused here, as stap refuses it while parsing.</summary>
    private ReturnStatementSyntax BuildReturn(StapParser.ReturnStatementContext context)
    {
        var statement = Node(new ReturnStatementSyntax(Span(context), BuildOptional(context.expression())));
        if (!_inFunction)
            diagnostics.ReportReturnInProbe(statement.Span);
        return statement;
    }
}
