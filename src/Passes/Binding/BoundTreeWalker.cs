namespace Tapline.Passes.Binding;

/// <summary>
/// Visits every node of a bound tree; override the hooks to look at what matters. Every node
/// kind is listed: a new one without a case is an error here, never a subtree left unvisited.
/// </summary>
public abstract class BoundTreeWalker
{
    public void Walk(BoundStatement? statement)
    {
        if (statement is null)
            return;
        VisitStatement(statement);
        switch (statement)
        {
            case BoundBlock block:
                foreach (var inner in block.Statements)
                    Walk(inner);
                break;
            case BoundExpressionStatement expression:
                Walk(expression.Expression);
                break;
            case BoundIf ifStatement:
                Walk(ifStatement.Condition);
                Walk(ifStatement.Then);
                Walk(ifStatement.Else);
                break;
            case BoundWhile loop:
                Walk(loop.Condition);
                Walk(loop.Body);
                break;
            case BoundFor loop:
                Walk(loop.Initializer);
                Walk(loop.Condition);
                Walk(loop.Step);
                Walk(loop.Body);
                break;
            case BoundForeach loop:
                foreach (var key in loop.Slice ?? [])
                    Walk(key);
                Walk(loop.Limit);
                Walk(loop.Body);
                break;
            case BoundTry tryStatement:
                Walk(tryStatement.Body);
                Walk(tryStatement.Handler);
                break;
            case BoundReturn returnStatement:
                Walk(returnStatement.Value);
                break;
            case BoundDelete delete:
                Walk(delete.Target);
                break;
            case BoundBreak or BoundContinue or BoundNext or BoundEmbedded:
                break;
            default:
                throw new InvalidOperationException($"the bound-tree walker has no case for {statement.GetType().Name}");
        }
    }

    public void Walk(BoundExpression? expression)
    {
        if (expression is null)
            return;
        VisitExpression(expression);
        foreach (var child in Children(expression))
            Walk(child);
    }

    protected virtual void VisitStatement(BoundStatement statement)
    {
    }

    protected virtual void VisitExpression(BoundExpression expression)
    {
    }

    public static IEnumerable<BoundExpression?> Children(BoundExpression expression) => expression switch
    {
        BoundArrayElement element => element.Keys,
        BoundIn inExpression => inExpression.Keys,
        BoundContextVariable context => context.Indexes.Cast<BoundExpression?>(),
        BoundCall call => call.Arguments.Cast<BoundExpression?>(),
        BoundBuiltinCall builtin => builtin.Arguments.Cast<BoundExpression?>(),
        BoundUnary unary => [unary.Operand],
        BoundIncrement increment => [increment.Target],
        BoundBinary binary => [binary.Left, binary.Right],
        BoundAssignment assignment => [assignment.Target, assignment.Value],
        BoundTernary ternary => [ternary.Condition, ternary.WhenTrue, ternary.WhenFalse],
        BoundAggregate aggregate => [aggregate.Statistic],
        BoundHistogram histogram => [histogram.Statistic, .. histogram.Parameters],
        BoundEntry entry => [entry.Operand],
        BoundLiteral or BoundVariable or BoundEmbeddedExpression or BoundErrorExpression => [],
        _ => throw new InvalidOperationException($"the bound-tree walker has no case for {expression.GetType().Name}"),
    };
}
