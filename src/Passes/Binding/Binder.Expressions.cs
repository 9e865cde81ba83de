using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Binding;

internal sealed partial class Binder
{
    private BoundExpression BindExpression(ExpressionSyntax expression) => expression switch
    {
        NumberLiteralSyntax number => new BoundLiteral(expression, number.Value),
        StringLiteralSyntax text => new BoundLiteral(expression, text.Value),
        NameExpressionSyntax name => BindName(name, allowWholeArray: false),
        IndexExpressionSyntax index => BindArrayElement(index),
        WildcardIndexSyntax => Wrong(expression, () => diagnostics.ReportNotAssignable(expression.Span)),
        CallExpressionSyntax call => BindCall(call),
        TargetExpressionSyntax target => BindContextVariable(target),
        UnaryExpressionSyntax { Operator: "&" } => Wrong(expression, () => diagnostics.ReportNeedsDebuginfo(expression.Span, "taking an address with '&'")),
        UnaryExpressionSyntax unary => new BoundUnary(expression, unary.Operator, BindExpression(unary.Operand)),
        IncrementExpressionSyntax increment =>
            new BoundIncrement(expression, increment.Operator, increment.IsPrefix, BindAssignable(increment.Operand)),
        BinaryExpressionSyntax { Operator: "=~" or "!~" } match => BindMatch(match),
        BinaryExpressionSyntax binary => new BoundBinary(expression, BindExpression(binary.Left), binary.Operator, BindExpression(binary.Right)),
        InExpressionSyntax inExpression => BindIn(inExpression),
        TernaryExpressionSyntax ternary => BindTernary(ternary),
        AssignmentExpressionSyntax assignment =>
            new BoundAssignment(expression, BindAssignable(assignment.Target), assignment.Operator, BindExpression(assignment.Value)),
        AggregateExpressionSyntax aggregate => new BoundAggregate(expression, aggregate.Operator, BindExpression(aggregate.Statistic)),
        HistogramExpressionSyntax histogram => new BoundHistogram(
            expression, histogram.Operator, BindExpression(histogram.Statistic), histogram.Parameters.Select(BindExpression).ToImmutableArray()),
        EntryExpressionSyntax entry => new BoundEntry(expression, BindExpression(entry.Operand)),
        DefinedExpressionSyntax defined => new BoundLiteral(expression, TryDecideDefined(defined) == true ? 1L : 0L),
        CastExpressionSyntax => Wrong(expression, () => diagnostics.ReportNeedsDebuginfo(expression.Span, "@cast")),
        VarExpressionSyntax => Wrong(expression, () => diagnostics.ReportNeedsDebuginfo(expression.Span, "@var")),
        AutocastExpressionSyntax { Operand: HistogramExpressionSyntax histogram } => Wrong(expression, () => diagnostics.ReportUnavailableOperator(
            expression.Span, histogram.Operator, "reading one bucket of a histogram ('[...]') is not implemented yet; print the histogram")),
        AutocastExpressionSyntax => Wrong(expression, () => diagnostics.ReportNeedsDebuginfo(expression.Span, "'->' or '[' after a value (autocast)")),
        MachineOperatorExpressionSyntax machine => Wrong(expression, () => diagnostics.ReportUnavailableOperator(
            expression.Span, machine.Operator, UnavailableHere.ReasonFor(machine.Operator)!)),
        EmbeddedExpressionSyntax embedded => new BoundEmbeddedExpression(expression, embedded.Code.Code),
        _ => throw new InvalidOperationException($"unexpected expression {expression.GetType().Name}"),
    };

    /// <summary>
    /// `text =~ "regex"`: the pattern (a literal: pass 1 admits no other, as stap's parser) is compiled
    /// here, the way the run compiles it (without backtracking), so a bad pattern is an error at its position.
    /// </summary>
    private BoundExpression BindMatch(BinaryExpressionSyntax match)
    {
        var pattern = (StringLiteralSyntax)match.Right;
        try
        {
            Runtime.RegexCache.Compile(pattern.Value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return Wrong(match, () => diagnostics.ReportBadRegex(pattern.Span, e.Message));
        }
        return new BoundBinary(match, BindExpression(match.Left), match.Operator, BindExpression(match.Right));
    }

    private static BoundErrorExpression Wrong(ExpressionSyntax expression, Action report)
    {
        report();
        return new BoundErrorExpression(expression);
    }

    /// <summary>`@defined(e) ? a : b` is decided here: only the branch taken is bound.</summary>
    private BoundExpression BindTernary(TernaryExpressionSyntax ternary)
    {
        if (TryDecideCondition(ternary.Condition) is { } defined)
            return BindExpression(defined ? ternary.WhenTrue : ternary.WhenFalse);
        return new BoundTernary(ternary, BindExpression(ternary.Condition), BindExpression(ternary.WhenTrue), BindExpression(ternary.WhenFalse));
    }

    /// <summary>
    /// The value of `@defined(e)` (or `!@defined(e)`) when <paramref name="condition"/> is one:
    /// a context variable is defined when this probe's point has it (members need debuginfo,
    /// so they never are); any other expression is defined.
    /// </summary>
    private bool? TryDecideDefined(ExpressionSyntax condition) => condition switch
    {
        DefinedExpressionSyntax { Operand: TargetExpressionSyntax target } =>
            target.Members.IsEmpty && _point?.FindContextVariable(ContextVariableName(target.Name)) is not null,
        DefinedExpressionSyntax => true,
        UnaryExpressionSyntax { Operator: "!" } not when TryDecideDefined(not.Operand) is { } inner => !inner,
        _ => null,
    };

    /// <summary>A condition decided before binding: `@defined`, or (unless `-u`) a literal number, as stap folds it.</summary>
    private bool? TryDecideCondition(ExpressionSyntax condition) =>
        TryDecideDefined(condition) ?? (elideConstantBranches ? LiteralTruth(condition) : null);

    private static bool? LiteralTruth(ExpressionSyntax condition) => condition switch
    {
        NumberLiteralSyntax number => number.Value != 0,
        UnaryExpressionSyntax { Operator: "!" } not when LiteralTruth(not.Operand) is { } inner => !inner,
        UnaryExpressionSyntax { Operator: "-" or "+" } signed => LiteralTruth(signed.Operand),
        _ => null,
    };

    /// <summary>A local (declared on first sight), or a global; a whole array only where one may stand (`delete a`).</summary>
    private BoundExpression BindName(NameExpressionSyntax name, bool allowWholeArray)
    {
        if (_scope.TryGetValue(name.Name, out var symbol))
            return new BoundVariable(name, symbol);
        if (symbols.FindGlobal(name.Name) is not { } global)
            return new BoundVariable(name, DeclareLocal(name.Name, name.Span));
        if (global.IsArray && !allowWholeArray)
            diagnostics.ReportArrayScalarMix(name.Span, name.Name, usedAsArray: false);
        else if (!global.IsArray && !allowWholeArray)
            _scalarGlobals.Add(global);
        return new BoundVariable(name, global);
    }

    private BoundExpression BindArrayElement(IndexExpressionSyntax index)
    {
        var array = LookupArray(index.Array, index.Span);
        if (array is null)
            return new BoundErrorExpression(index);
        UseAsArray(array, index.Indexes.Length, index.Span);
        return new BoundArrayElement(index, array, BindKeys(index.Indexes));
    }

    private ImmutableArray<BoundExpression?> BindKeys(ImmutableArray<ExpressionSyntax> keys) =>
        keys.Select(k => k is WildcardIndexSyntax ? null : BindExpression(k)).ToImmutableArray();

    /// <summary>Globals used as scalars so far, so that a later use as an array is reported.</summary>
    private readonly HashSet<GlobalSymbol> _scalarGlobals = new();

    private GlobalSymbol? LookupArray(string name, Text.SourceSpan span)
    {
        if (!_scope.ContainsKey(name) && symbols.FindGlobal(name) is { } global)
            return global;
        diagnostics.ReportArrayNotGlobal(span, name);
        return null;
    }

    /// <summary>Records that a global is an array of <paramref name="arity"/> keys, or reports a mismatch.</summary>
    private void UseAsArray(GlobalSymbol array, int arity, Text.SourceSpan span)
    {
        if (array.KeyTypes is null)
        {
            if (array.Syntax?.Initializer is not null || _scalarGlobals.Contains(array))
            {
                diagnostics.ReportArrayScalarMix(span, array.Name, usedAsArray: true);
                return;
            }
            array.MakeArray(arity);
            return;
        }
        if (array.KeyTypes.Length != arity)
            diagnostics.ReportArrayArity(span, array.Name, array.KeyTypes.Length, arity);
    }

    private BoundExpression BindIn(InExpressionSyntax inExpression)
    {
        var array = LookupArray(inExpression.Array, inExpression.Span);
        var keys = BindKeys(inExpression.Keys);
        if (array is null)
            return new BoundErrorExpression(inExpression);
        UseAsArray(array, keys.Length, inExpression.Span);
        return new BoundIn(inExpression, array, keys);
    }

    private BoundExpression BindDeleteTarget(ExpressionSyntax target) => target switch
    {
        NameExpressionSyntax name => BindName(name, allowWholeArray: true),
        IndexExpressionSyntax => BindExpression(target),
        _ => Wrong(target, () => diagnostics.ReportNotAssignable(target.Span)),
    };

    /// <summary>The target of an assignment or increment: a variable, an array element or a writable context variable.</summary>
    private BoundExpression BindAssignable(ExpressionSyntax target)
    {
        switch (target)
        {
            case NameExpressionSyntax or IndexExpressionSyntax:
                return BindExpression(target);
            case TargetExpressionSyntax context:
                var bound = BindContextVariable(context);
                if (bound is BoundContextVariable { Variable.IsWritable: false })
                {
                    if (guruMode)
                        diagnostics.ReportReadOnlyContextVariable(target.Span, context.Name);
                    else
                        diagnostics.ReportContextVariableWrite(target.Span, context.Name);
                }
                return bound;
            default:
                return Wrong(target, () => diagnostics.ReportNotAssignable(target.Span));
        }
    }
}
