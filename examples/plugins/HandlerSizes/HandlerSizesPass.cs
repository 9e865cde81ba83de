using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;

namespace HandlerSizes;

/// <summary>
/// Reports how big each handler is once optimized, in bound statements, and which is largest;
/// it hands the program on unchanged. `-v` shows its summary like any pass's.
/// </summary>
public sealed class HandlerSizesPass : IPass<ElaboratedProgram, ElaboratedProgram>
{
    public PassInfo Info { get; } = new(2, "handler-sizes");

    public ElaboratedProgram Run(ElaboratedProgram input, PassContext context)
    {
        var sizes = input.Probes.Select(p => (Point: p.Point.Text, Statements: StatementCounter.Count(p.Body))).ToList();
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
