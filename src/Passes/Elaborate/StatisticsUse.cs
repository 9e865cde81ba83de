using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// What stap refuses of statistics once types are known: a statistic used as an array index or
/// passed to a function, and `foreach` binding a statistics array's value; with a slice that
/// does not give every key of its array. A local statistic is refused too unless
/// <paramref name="localsAfterElision"/>: then the optimizer checks what it keeps, as stap
/// checks types after its first elision (a local `x <<< 1` that nothing reads is dropped first).
/// </summary>
public sealed class StatisticsUse(DiagnosticBag diagnostics, bool localsAfterElision = false) : BoundTreeWalker
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
            case BoundVariable { Symbol: LocalSymbol { Type: ScriptType.Stats } local } variable when !localsAfterElision && _reportedLocals.Add(local):
                diagnostics.ReportLocalStatistic(variable.Syntax.Span, local.Name);
                break;
        }
    }

    /// <summary>The optimizer's check of what it kept: a local statistic left is refused.</summary>
    public static void ReportLocalStatistics(BoundBlock body, DiagnosticBag diagnostics) => new StatisticsUse(diagnostics).Walk(body);

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
