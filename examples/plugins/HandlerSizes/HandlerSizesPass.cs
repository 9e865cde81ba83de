using System.Globalization;
using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;

namespace HandlerSizes;

/// <summary>
/// Reports how big each handler is once optimized, in bound statements, and which is largest;
/// it hands the program on unchanged. `-v` shows its summary like any pass's. With
/// `-D HANDLER_SIZE_LIMIT=N` it warns (HSZ0001) of each handler of more than N statements.
/// </summary>
public sealed class HandlerSizesPass(DiagnosticRange diagnostics) : IPass<ElaboratedProgram, ElaboratedProgram>
{
    public const string LimitDefine = "HANDLER_SIZE_LIMIT";

    public PassInfo Info { get; } = new(2, "handler-sizes");

    public ElaboratedProgram Run(ElaboratedProgram input, PassContext context)
    {
        var sizes = input.Probes.Select(p => (Probe: p, Point: p.Point.Text, Statements: StatementCounter.Count(p.Body))).ToList();
        if (context.Options.Defines.TryGetValue(LimitDefine, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var limit))
        {
            foreach (var size in sizes.Where(s => s.Statements > limit))
            {
                context.Diagnostics.Add(diagnostics.Warning(1, size.Probe.Syntax.Span,
                    $"the handler of {size.Point} has {size.Statements} statements, more than {LimitDefine}={limit}"));
            }
        }
        if (sizes.Count == 0)
            return input with { Summary = "no handlers" };
        var largest = sizes.MaxBy(s => s.Statements);
        return input with { Summary = $"{sizes.Count} handlers, {sizes.Sum(s => s.Statements)} statements, the largest {largest.Statements} ({largest.Point})" };
    }

    private sealed class StatementCounter : BoundTreeWalker
    {
        private int _count;

        public static int Count(BoundBlock body)
        {
            var counter = new StatementCounter();
            counter.Walk(body);
            return counter._count;
        }

        protected override void VisitStatement(BoundStatement statement)
        {
            if (statement is not BoundBlock)
                _count++;
        }
    }
}
