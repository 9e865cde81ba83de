using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// What stap refuses of statistics once types are known: a statistic used as an array index or
/// passed to a function, `foreach` binding a statistics array's value, a slice that does not
/// give every key of its array, and a local statistic. Elaboration checks the first four; the
/// locals the optimizer checks in what it keeps, as stap checks types after its first elision
/// (a local `x <<< 1` that nothing reads is dropped first), or elaboration does with `-u`.
/// </summary>
public sealed class StatisticsUse : BoundTreeWalker
{
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _checkUses;
    private readonly bool _checkLocals;
    private readonly HashSet<VariableSymbol> _reportedLocals = new();

    private StatisticsUse(DiagnosticBag diagnostics, bool checkUses, bool checkLocals) =>
        (_diagnostics, _checkUses, _checkLocals) = (diagnostics, checkUses, checkLocals);

    /// <summary>The checks of elaboration; the local statistics too when nothing is elided after it (`-u`).</summary>
    public static StatisticsUse InElaboration(DiagnosticBag diagnostics, bool checkLocals) => new(diagnostics, checkUses: true, checkLocals);

    /// <summary>The optimizer's check of what it kept: a local statistic left is refused.</summary>
    public static void ReportLocalStatistics(BoundBlock body, DiagnosticBag diagnostics) =>
        new StatisticsUse(diagnostics, checkUses: false, checkLocals: true).Walk(body);

    protected override void VisitExpression(BoundExpression expression)
    {
        if (_checkLocals && expression is BoundVariable { Symbol: LocalSymbol { Type: ScriptType.Stats } local } variable && _reportedLocals.Add(local))
            _diagnostics.ReportLocalStatistic(variable.Syntax.Span, local.Name);
        if (!_checkUses)
            return;
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
                    _diagnostics.ReportStatisticMisuse(argument.Syntax.Span, $"passed to a function ('{call.Function.Name}')");
                break;
        }
    }

    protected override void VisitStatement(BoundStatement statement)
    {
        if (!_checkUses || statement is not BoundForeach loop)
            return;
        if (loop.Value is not null && loop.Array.Type == ScriptType.Stats)
            _diagnostics.ReportStatisticMisuse(loop.Syntax.Span, $"bound as the value of 'foreach' (read it as @count({loop.Array.Name}[...]) and the like)");
        if (loop.Slice is { } slice && loop.Array.KeyTypes is { } keys && slice.Length != keys.Length)
            _diagnostics.ReportArrayArity(loop.Syntax.Span, loop.Array.Name, keys.Length, slice.Length);
        CheckKeys(loop.Slice ?? []);
    }

    private void CheckKeys(IEnumerable<BoundExpression?> keys)
    {
        foreach (var key in keys.OfType<BoundExpression>().Where(k => k.Type == ScriptType.Stats))
            _diagnostics.ReportStatisticMisuse(key.Syntax.Span, "an array index");
    }
}
