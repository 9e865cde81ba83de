using System.Collections.Immutable;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Optimize;

/// <summary>
/// Part of pass 2, as a pass of its own so it can be timed, printed and left out (`-u`):
/// drops side-effect-free code whose result is unused, then the locals, functions and
/// globals that nothing references any more.
/// </summary>
public sealed class OptimizePass : IPass<ElaboratedProgram, ElaboratedProgram>
{
    public PassInfo Info { get; } = new(2, "optimize");

    public ElaboratedProgram Run(ElaboratedProgram input, PassContext context)
    {
        var remover = new DeadCodeRemover(new Purity());
        var probes = input.Probes.Select(probe =>
        {
            var body = remover.Optimize(probe.Body);
            return ReferenceEquals(body, probe.Body) ? probe : probe with { Body = body, Locals = Referenced(probe.Locals, body) };
        }).ToImmutableArray();

        foreach (var function in input.Functions.Where(f => f.Body is not null))
        {
            function.Body = remover.Optimize(function.Body!);
            function.Locals = Referenced(function.Locals, function.Body);
        }

        var usage = new Usage();
        foreach (var probe in probes)
        {
            usage.Walk(probe.Body);
            usage.Walk(probe.Condition);
        }
        var functions = usage.ReachFunctions(input.Functions);
        return new ElaboratedProgram(
            probes,
            [.. input.Functions.Where(functions.Contains)],
            [.. input.Globals.Where(usage.Globals.Contains)],
            input.LibraryFilesParsed) { Summary = "optimized script" };
    }

    private static ImmutableArray<LocalSymbol> Referenced(ImmutableArray<LocalSymbol> locals, BoundBlock body)
    {
        var usage = new Usage();
        usage.Walk(body);
        return [.. locals.Where(usage.Variables.Contains)];
    }

    /// <summary>The variables, globals and functions a tree refers to.</summary>
    private sealed class Usage : BoundTreeWalker
    {
        public HashSet<VariableSymbol> Variables { get; } = new();
        public HashSet<GlobalSymbol> Globals { get; } = new();
        private readonly HashSet<FunctionSymbol> _called = new();

        public HashSet<FunctionSymbol> ReachFunctions(IEnumerable<FunctionSymbol> all)
        {
            var reached = new HashSet<FunctionSymbol>();
            var pending = new Queue<FunctionSymbol>(_called);
            while (pending.TryDequeue(out var function))
            {
                if (!reached.Add(function))
                    continue;
                _called.Clear();
                Walk(function.Body);
                foreach (var callee in _called)
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
                    _called.Add(call.Function);
                    break;
            }
        }
    }
}
