using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Binding;

internal sealed partial class Binder
{
    private BoundBlock BindBlock(BlockStatementSyntax block) =>
        new(block, block.Statements.Select(BindStatement).ToImmutableArray());

    private BoundStatement BindStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockStatementSyntax block:
                return BindBlock(block);
            case EmptyStatementSyntax:
                return new BoundBlock(statement, []);
            case EmbeddedStatementSyntax embedded:
                return new BoundEmbedded(statement, embedded.Code.Code);
            case ExpressionStatementSyntax expression:
                return new BoundExpressionStatement(statement, BindExpression(expression.Expression));
            case IfStatementSyntax ifStatement:
                return BindIf(ifStatement);
            case WhileStatementSyntax whileStatement when TryDecideCondition(whileStatement.Condition) == false:
                return new BoundBlock(statement, []);
            case WhileStatementSyntax whileStatement:
                return new BoundWhile(statement, BindExpression(whileStatement.Condition), BindLoopBody(whileStatement.Body));
            case ForStatementSyntax forStatement:
                return new BoundFor(
                    statement,
                    forStatement.Initializer is null ? null : BindExpression(forStatement.Initializer),
                    forStatement.Condition is null ? null : BindExpression(forStatement.Condition),
                    forStatement.Step is null ? null : BindExpression(forStatement.Step),
                    BindLoopBody(forStatement.Body));
            case ForeachStatementSyntax foreachStatement:
                return BindForeach(foreachStatement);
            case TryStatementSyntax tryStatement:
                var body = BindBlock(tryStatement.Body);
                var catchVariable = tryStatement.CatchVariable is { } name ? LookupOrDeclareLocal(name, tryStatement.Span) : null;
                return new BoundTry(statement, body, catchVariable, BindBlock(tryStatement.Handler));
            case ReturnStatementSyntax returnStatement:
                if (_function is null)
                    diagnostics.ReportReturnOutsideFunction(statement.Span);
                return new BoundReturn(statement, returnStatement.Value is null ? null : BindExpression(returnStatement.Value));
            case BreakStatementSyntax or ContinueStatementSyntax:
                if (_loopDepth == 0)
                    diagnostics.ReportOutsideLoop(statement.Span, statement is BreakStatementSyntax ? "break" : "continue");
                return statement is BreakStatementSyntax ? new BoundBreak(statement) : new BoundContinue(statement);
            case NextStatementSyntax:
                return new BoundNext(statement);
            case DeleteStatementSyntax deleteStatement:
                return new BoundDelete(statement, BindDeleteTarget(deleteStatement.Target));
            default:
                throw new InvalidOperationException($"unexpected statement {statement.GetType().Name}");
        }
    }

    /// <summary>`if (@defined($x))` and `if (0)` are decided here: only the branch taken is bound.</summary>
    private BoundStatement BindIf(IfStatementSyntax ifStatement)
    {
        if (TryDecideCondition(ifStatement.Condition) is { } defined)
        {
            var taken = defined ? ifStatement.Then : ifStatement.Else;
            return taken is null ? new BoundBlock(ifStatement, []) : BindStatement(taken);
        }
        return new BoundIf(
            ifStatement,
            BindExpression(ifStatement.Condition),
            BindStatement(ifStatement.Then),
            ifStatement.Else is null ? null : BindStatement(ifStatement.Else));
    }

    private BoundStatement BindLoopBody(StatementSyntax body)
    {
        _loopDepth++;
        var bound = BindStatement(body);
        _loopDepth--;
        return bound;
    }

    private BoundStatement BindForeach(ForeachStatementSyntax foreachStatement)
    {
        if (foreachStatement.Histogram is not null)
        {
            diagnostics.ReportUnavailableOperator(foreachStatement.Histogram.Span, foreachStatement.Histogram.Operator,
                "a foreach over a histogram's buckets is not implemented yet; print the histogram or index it");
            return new BoundBlock(foreachStatement, []);
        }
        var array = symbols.FindGlobal(foreachStatement.Array);
        if (array is null)
        {
            diagnostics.ReportNotAnArray(foreachStatement.Span, foreachStatement.Array);
            return new BoundBlock(foreachStatement, []);
        }
        UseAsArray(array, foreachStatement.Keys.Length, foreachStatement.Span);
        var value = foreachStatement.Value is { } v ? LookupOrDeclareLocal(v.Name, v.Span) : null;
        var keys = foreachStatement.Keys.Select(k => LookupOrDeclareLocal(k.Name, k.Span)).ToImmutableArray();
        ImmutableArray<BoundExpression?>? slice = foreachStatement.Slice is { } s ? BindKeys(s) : null;

        int? sortColumn = null;
        var descending = false;
        if (foreachStatement.ArraySort != SortDirection.None || foreachStatement.Value?.Sort is SortDirection.Ascending or SortDirection.Descending)
        {
            sortColumn = 0;
            descending = foreachStatement.ArraySort == SortDirection.Descending || foreachStatement.Value?.Sort == SortDirection.Descending;
        }
        for (var i = 0; i < foreachStatement.Keys.Length; i++)
        {
            if (foreachStatement.Keys[i].Sort == SortDirection.None)
                continue;
            sortColumn = i + 1;
            descending = foreachStatement.Keys[i].Sort == SortDirection.Descending;
        }

        var limit = foreachStatement.Limit is null ? null : BindExpression(foreachStatement.Limit);
        return new BoundForeach(
            foreachStatement, array, value, keys, slice, sortColumn, descending, foreachStatement.SortAggregate, limit,
            BindLoopBody(foreachStatement.Body));
    }

    private VariableSymbol LookupOrDeclareLocal(string name, Text.SourceSpan span) =>
        _scope.TryGetValue(name, out var symbol) ? symbol : DeclareLocal(name, span);
}
