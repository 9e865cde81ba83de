namespace Tapline.Passes.Binding;

/// <summary>The variables, globals and functions that the bound trees walked so far refer to.</summary>
public sealed class SymbolUsage : BoundTreeWalker
{
    public HashSet<VariableSymbol> Variables { get; } = new();

    public HashSet<GlobalSymbol> Globals { get; } = new();

    public HashSet<FunctionSymbol> Called { get; } = new();

    /// <summary>The functions called so far, and the ones their bodies (as <paramref name="definitions"/> gives them) call in turn, whose symbols count as used too.</summary>
    public HashSet<FunctionSymbol> ReachFunctions(IReadOnlyDictionary<FunctionSymbol, FunctionDefinition> definitions)
    {
        var reached = new HashSet<FunctionSymbol>();
        var pending = new Queue<FunctionSymbol>(Called);
        while (pending.TryDequeue(out var function))
        {
            if (!reached.Add(function))
                continue;
            Called.Clear();
            Walk(definitions.GetValueOrDefault(function)?.Body);
            foreach (var callee in Called)
                pending.Enqueue(callee);
        }
        return reached;
    }

    protected override void VisitStatement(BoundStatement statement)
    {
        switch (statement)
        {
            case BoundForeach loop:
                Globals.Add(loop.Array);
                if (loop.Value is not null)
                    Variables.Add(loop.Value);
                Variables.UnionWith(loop.Keys);
                break;
            case BoundTry { CatchVariable: { } message }:
                Variables.Add(message);
                break;
        }
    }

    protected override void VisitExpression(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundVariable variable:
                Variables.Add(variable.Symbol);
                if (variable.Symbol is GlobalSymbol global)
                    Globals.Add(global);
                break;
            case BoundArrayElement element:
                Globals.Add(element.Array);
                break;
            case BoundIn inExpression:
                Globals.Add(inExpression.Array);
                break;
            case BoundCall call:
                Called.Add(call.Function);
                break;
        }
    }
}
