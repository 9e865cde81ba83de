using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// What stap refuses of statistics once types are known: a statistic used as an array index or
/// passed to a function, a local statistic, and `foreach` binding a statistics array's value;
/// with a slice that does not give every key of its array.
/// </summary>
internal sealed class StatisticsUse(DiagnosticBag diagnostics) : BoundTreeWalker
{
    private readonly HashSet<VariableSymbol> _reportedLocals = new();

    protected override void VisitExpression(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundArrayElement element:
                CheckKeys(element.Keys);
                break;
            case BoundIn membership:
                CheckKeys(membership.Keys);
                break;
            case BoundCall call:
                foreach (var argument in call.Arguments.Where(a => a.Type == ScriptType.Stats))
                    diagnostics.ReportStatisticMisuse(argument.Syntax.Span, $"passed to a function ('{call.Function.Name}')");
                break;
            case BoundVariable { Symbol: LocalSymbol { Type: ScriptType.Stats } local } variable when _reportedLocals.Add(local):
                diagnostics.ReportLocalStatistic(variable.Syntax.Span, local.Name);
                break;
        }
    }

    protected override void VisitStatement(BoundStatement statement)
    {
        if (statement is not BoundForeach loop)
            return;
        if (loop.Value is not null && loop.Array.Type == ScriptType.Stats)
            diagnostics.ReportStatisticMisuse(loop.Syntax.Span, $"bound as the value of 'foreach' (read it as @count({loop.Array.Name}[...]) and the like)");
        if (loop.Slice is { } slice && loop.Array.KeyTypes is { } keys && slice.Length != keys.Length)
            diagnostics.ReportArrayArity(loop.Syntax.Span, loop.Array.Name, keys.Length, slice.Length);
        CheckKeys(loop.Slice ?? []);
    }

    private void CheckKeys(IEnumerable<BoundExpression?> keys)
    {
        foreach (var key in keys.OfType<BoundExpression>().Where(k => k.Type == ScriptType.Stats))
            diagnostics.ReportStatisticMisuse(key.Syntax.Span, "an array index");
    }
}
