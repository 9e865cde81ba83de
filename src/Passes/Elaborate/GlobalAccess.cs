using Tapline.Passes.Binding;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// Which globals the bound trees read and which they write. `=`, `&lt;&lt;&lt;` and `delete` only
/// write their target; `+=`, `++` and the other compound forms read it too; anything else reads.
/// </summary>
internal sealed class GlobalAccess : BoundTreeWalker
{
    private readonly HashSet<BoundExpression> _writeOnlyTargets = new(ReferenceEqualityComparer.Instance);

    public HashSet<GlobalSymbol> Read { get; } = new();

    public HashSet<GlobalSymbol> Written { get; } = new();

    protected override void VisitStatement(BoundStatement statement)
    {
        switch (statement)
        {
            case BoundForeach loop:
                Read.Add(loop.Array);
                break;
            case BoundDelete delete:
                _writeOnlyTargets.Add(delete.Target);
                MarkWritten(delete.Target);
                break;
        }
    }

    protected override void VisitExpression(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundAssignment assignment:
                if (assignment.Operator is "=" or "<<<")
                    _writeOnlyTargets.Add(assignment.Target);
                MarkWritten(assignment.Target);
                break;
            case BoundIncrement increment:
                MarkWritten(increment.Target);
                break;
            case BoundIn inExpression:
                Read.Add(inExpression.Array);
                break;
            case BoundVariable or BoundArrayElement when !_writeOnlyTargets.Contains(expression):
                if (GlobalOf(expression) is { } global)
                    Read.Add(global);
                break;
        }
    }

    private void MarkWritten(BoundExpression target)
    {
        if (GlobalOf(target) is { } global)
            Written.Add(global);
    }

    private static GlobalSymbol? GlobalOf(BoundExpression expression) => expression switch
    {
        BoundVariable { Symbol: GlobalSymbol global } => global,
        BoundArrayElement element => element.Array,
        _ => null,
    };
}
