using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Text;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// stap's "never-assigned local variable" warning: a local of a handler or function that is
/// read but nothing assigns (it reads as 0 or ""), reported at its first read in the user's script.
/// </summary>
internal sealed class NeverAssignedLocals : BoundTreeWalker
{
    private readonly HashSet<VariableSymbol> _assigned = new();
    private readonly Dictionary<VariableSymbol, SourceSpan> _firstRead = new();
    private readonly HashSet<BoundExpression> _targets = new(ReferenceEqualityComparer.Instance);

    public static void Report(BoundBlock? body, SourceText script, DiagnosticBag diagnostics)
    {
        var walker = new NeverAssignedLocals();
        walker.Walk(body);
        foreach (var (local, span) in walker._firstRead.Where(read => !walker._assigned.Contains(read.Key)))
        {
            if (span.Source == script)
                diagnostics.ReportNeverAssigned(span, local.Name);
        }
    }

    protected override void VisitStatement(BoundStatement statement)
    {
        switch (statement)
        {
            case BoundForeach loop:
                _assigned.UnionWith(loop.Keys);
                if (loop.Value is not null)
                    _assigned.Add(loop.Value);
                break;
            case BoundTry { CatchVariable: { } caught }:
                _assigned.Add(caught);
                break;
        }
    }

    protected override void VisitExpression(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundAssignment { Target: BoundVariable target } assignment:
                _assigned.Add(target.Symbol);
                if (assignment.Operator == "=")
                    _targets.Add(target);
                break;
            case BoundIncrement { Target: BoundVariable target }:
                _assigned.Add(target.Symbol);
                break;
            case BoundVariable { Symbol: LocalSymbol local } variable when !_targets.Contains(variable):
                _firstRead.TryAdd(local, variable.Syntax.Span);
                break;
        }
    }
}
