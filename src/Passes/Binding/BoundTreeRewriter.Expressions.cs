using System.Collections.Immutable;

namespace Tapline.Passes.Binding;

public abstract partial class BoundTreeRewriter
{
    public virtual BoundExpression RewriteExpression(BoundExpression expression) => expression switch
    {
        BoundLiteral or BoundVariable or BoundEmbeddedExpression or BoundErrorExpression => expression,
        BoundArrayElement element => RewriteArrayElement(element),
        BoundIn membership => RewriteIn(membership),
        BoundContextVariable context => RewriteContextVariable(context),
        BoundCall call => RewriteCall(call),
        BoundBuiltinCall builtin => RewriteBuiltinCall(builtin),
        BoundUnary unary => RewriteUnary(unary),
        BoundIncrement increment => RewriteIncrement(increment),
        BoundBinary binary => RewriteBinary(binary),
        BoundAssignment assignment => RewriteAssignment(assignment),
        BoundTernary ternary => RewriteTernary(ternary),
        BoundAggregate aggregate => RewriteAggregate(aggregate),
        BoundHistogram histogram => RewriteHistogram(histogram),
        BoundEntry entry => RewriteEntry(entry),
        _ => throw new InvalidOperationException($"the bound-tree rewriter has no case for {expression.GetType().Name}"),
    };

    protected virtual BoundExpression RewriteArrayElement(BoundArrayElement element) =>
        RewriteKeys(element.Keys) is { } keys ? element with { Keys = keys } : element;

    protected virtual BoundExpression RewriteIn(BoundIn membership) =>
        RewriteKeys(membership.Keys) is { } keys ? membership with { Keys = keys } : membership;

    protected virtual BoundExpression RewriteContextVariable(BoundContextVariable context) =>
        RewriteAll(context.Indexes, RewriteExpression) is { } indexes ? context with { Indexes = indexes } : context;

    protected virtual BoundExpression RewriteCall(BoundCall call) =>
        RewriteAll(call.Arguments, RewriteExpression) is { } arguments ? call with { Arguments = arguments } : call;

    protected virtual BoundExpression RewriteBuiltinCall(BoundBuiltinCall call) =>
        RewriteAll(call.Arguments, RewriteExpression) is { } arguments ? call with { Arguments = arguments } : call;

    protected virtual BoundExpression RewriteUnary(BoundUnary unary) =>
        RewriteExpression(unary.Operand) is var operand && Same(operand, unary.Operand) ? unary : unary with { Operand = operand };

    protected virtual BoundExpression RewriteIncrement(BoundIncrement increment) =>
        RewriteExpression(increment.Target) is var target && Same(target, increment.Target) ? increment : increment with { Target = target };

    protected virtual BoundExpression RewriteBinary(BoundBinary binary)
    {
        var left = RewriteExpression(binary.Left);
        var right = RewriteExpression(binary.Right);
        return Same(left, binary.Left) && Same(right, binary.Right) ? binary : binary with { Left = left, Right = right };
    }

    protected virtual BoundExpression RewriteAssignment(BoundAssignment assignment)
    {
        var target = RewriteExpression(assignment.Target);
        var value = RewriteExpression(assignment.Value);
        return Same(target, assignment.Target) && Same(value, assignment.Value) ? assignment : assignment with { Target = target, Value = value };
    }

    protected virtual BoundExpression RewriteTernary(BoundTernary ternary)
    {
        var condition = RewriteExpression(ternary.Condition);
        var whenTrue = RewriteExpression(ternary.WhenTrue);
        var whenFalse = RewriteExpression(ternary.WhenFalse);
        return Same(condition, ternary.Condition) && Same(whenTrue, ternary.WhenTrue) && Same(whenFalse, ternary.WhenFalse)
            ? ternary
            : ternary with { Condition = condition, WhenTrue = whenTrue, WhenFalse = whenFalse };
    }

    protected virtual BoundExpression RewriteAggregate(BoundAggregate aggregate) =>
        RewriteExpression(aggregate.Statistic) is var statistic && Same(statistic, aggregate.Statistic) ? aggregate : aggregate with { Statistic = statistic };

    protected virtual BoundExpression RewriteHistogram(BoundHistogram histogram)
    {
        var statistic = RewriteExpression(histogram.Statistic);
        var parameters = RewriteAll(histogram.Parameters, RewriteExpression);
        return Same(statistic, histogram.Statistic) && parameters is null
            ? histogram
            : histogram with { Statistic = statistic, Parameters = parameters ?? histogram.Parameters };
    }

    protected virtual BoundExpression RewriteEntry(BoundEntry entry) =>
        RewriteExpression(entry.Operand) is var operand && Same(operand, entry.Operand) ? entry : entry with { Operand = operand };

    protected BoundExpression? RewriteOptional(BoundExpression? expression) => expression is null ? null : RewriteExpression(expression);

    /// <summary>Array keys, where a slice's `*` is null; the rewritten keys, or null when none changed.</summary>
    protected ImmutableArray<BoundExpression?>? RewriteKeys(ImmutableArray<BoundExpression?> keys) =>
        RewriteAll(keys, (BoundExpression? key) => key is null ? null : RewriteExpression(key));
}
