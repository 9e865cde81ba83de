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
    public PassInfo Info { get; } = new(2, PassNames.Optimize);

    public ElaboratedProgram Run(ElaboratedProgram input, PassContext context)
    {
        var elaborated = input.Functions.ToDictionary(f => f.Symbol);
        var remover = new DeadCodeRemover(new Purity(f => elaborated.GetValueOrDefault(f)?.Body),
            expression => ReportElided(expression, input.Script, context.Diagnostics));
        var probes = input.Probes.Select(probe =>
        {
            var body = remover.Optimize(probe.Body);
            return ReferenceEquals(body, probe.Body) ? probe : probe with { Body = body, Locals = Referenced(probe.Locals, body) };
        }).ToImmutableArray();

        // The optimized code is a new definition of each function: elaboration's output stays as it was.
        var optimized = input.Functions.Select(function =>
        {
            if (function.Body is null)
                return function;
            var body = remover.Optimize(function.Body);
            return function with { Body = body, Locals = Referenced(function.Locals, body) };
        }).ToImmutableArray();

        foreach (var body in probes.Select(p => p.Body).Concat(optimized.Where(f => f.Body is not null).Select(f => f.Body!)))
            StatisticsUse.ReportLocalStatistics(body, context.Diagnostics);

        var usage = new SymbolUsage();
        foreach (var probe in probes)
        {
            usage.Walk(probe.Body);
            usage.Walk(probe.Condition);
        }
        var functions = usage.ReachFunctions(optimized.ToDictionary(f => f.Symbol));
        return new ElaboratedProgram(
            probes,
            [.. optimized.Where(f => functions.Contains(f.Symbol))],
            [.. input.Globals.Where(usage.Globals.Contains)],
            input.LibraryFilesParsed)
        { Summary = "optimized script", Script = input.Script };
    }

    /// <summary>stap's warning for code of the user's script that the optimizer drops.</summary>
    private static void ReportElided(BoundExpression expression, Text.SourceText? script, Diagnostics.DiagnosticBag diagnostics)
    {
        if (expression.Syntax.Span.Source != script)
            return;
        if (expression is BoundAssignment { Target: BoundVariable target })
            diagnostics.ReportElidedAssignment(expression.Syntax.Span, target.Symbol.Name);
        else
            diagnostics.ReportElidedExpression(expression.Syntax.Span);
    }

    private static ImmutableArray<LocalSymbol> Referenced(ImmutableArray<LocalSymbol> locals, BoundBlock body)
    {
        var usage = new SymbolUsage();
        usage.Walk(body);
        return [.. locals.Where(usage.Variables.Contains)];
    }
}
