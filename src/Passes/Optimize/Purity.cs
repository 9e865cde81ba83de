using Tapline.Passes.Binding;

namespace Tapline.Passes.Optimize;

/// <summary>
/// Which expressions have no side effects, so that an unused one may be dropped: no
/// assignment, no `&lt;&lt;&lt;`, no printing, and calls only to functions that are pure
/// (embedded ones marked `/* pure */`, script ones whose bodies have no side effects).
/// </summary>
/// <param name="bodyOf">The body of a script function, as the pass being optimized has it.</param>
internal sealed class Purity(Func<FunctionSymbol, BoundBlock?> bodyOf)
{
    private readonly Dictionary<FunctionSymbol, bool> _functions = new();

    public bool IsPure(BoundExpression expression) => expression switch
    {
        BoundAssignment or BoundIncrement or BoundErrorExpression => false,
        BoundEmbeddedExpression embedded => embedded.IsMarkedPure,
        BoundCall call => IsPure(call.Function) && call.Arguments.All(IsPure),
        BoundBuiltinCall builtin => !builtin.Function.HasSideEffects && builtin.Arguments.All(IsPure),
        _ => BoundTreeWalker.Children(expression).All(child => child is null || IsPure(child)),
    };

    public bool IsPure(FunctionSymbol function)
    {
        if (_functions.TryGetValue(function, out var pure))
            return pure;
        if (function.IsEmbedded)
            return _functions[function] = function.IsMarkedPure;
        _functions[function] = false; // a recursive call is taken as impure while the body is judged
        return _functions[function] = IsPure(bodyOf(function));
    }

    private bool IsPure(BoundStatement? statement) => statement switch
    {
        null or BoundBreak or BoundContinue => true,
        BoundBlock block => block.Statements.All(IsPure),
        BoundExpressionStatement expression => IsPureOrLocalWrite(expression.Expression),
        BoundReturn returnStatement => returnStatement.Value is null || IsPure(returnStatement.Value),
        BoundIf ifStatement => IsPure(ifStatement.Condition) && IsPure(ifStatement.Then) && IsPure(ifStatement.Else),
        BoundWhile loop => IsPure(loop.Condition) && IsPure(loop.Body),
        BoundFor loop => (loop.Initializer is null || IsPureOrLocalWrite(loop.Initializer))
            && (loop.Condition is null || IsPure(loop.Condition))
            && (loop.Step is null || IsPureOrLocalWrite(loop.Step)) && IsPure(loop.Body),
        _ => false,
    };

    /// <summary>Inside a function, writing its own locals is no side effect.</summary>
    private bool IsPureOrLocalWrite(BoundExpression expression) => expression switch
    {
        BoundAssignment { Target: BoundVariable { Symbol: LocalSymbol or ParameterSymbol }, Operator: not "<<<" } assignment =>
            IsPure(assignment.Value),
        BoundIncrement { Target: BoundVariable { Symbol: LocalSymbol or ParameterSymbol } } => true,
        _ => IsPure(expression),
    };
}
