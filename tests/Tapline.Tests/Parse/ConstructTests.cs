using Tapline.Passes.Syntax;
using Tapline.Tests.Golden;

namespace Tapline.Tests.Parse;

/// <summary>
/// Valid constructs of stap's language parse into the node marked «...», with the marked span,
/// and print as a fixed point.
/// </summary>
public sealed class ConstructTests
{
    [Theory]
    [InlineData("probe begin { x = «foo->bar» }", nameof(AutocastExpressionSyntax))]
    [InlineData("probe begin { x = «(foo)[1]» in bar }", nameof(AutocastExpressionSyntax))]
    [InlineData("probe begin { x = «f()->a[1]->b» }", nameof(AutocastExpressionSyntax))]
    [InlineData("probe begin { x = «arr[1][2]» }", nameof(AutocastExpressionSyntax))]
    [InlineData("probe begin { x = «&foo» }", nameof(UnaryExpressionSyntax))]
    [InlineData("probe begin { x = «&$p->f» + 1 }", nameof(UnaryExpressionSyntax))]
    [InlineData("probe begin { x = «$timer->function» }", nameof(TargetExpressionSyntax))]
    [InlineData("probe begin { x = «$p->next->in» }", nameof(TargetExpressionSyntax))]
    [InlineData("probe begin { x = «@cast(p, \"task_struct\", \"kernel\")->pid» }", nameof(CastExpressionSyntax))]
    [InlineData("probe begin { x = «@var(\"jiffies\")» }", nameof(VarExpressionSyntax))]
    [InlineData("probe begin { x = «@perf(\"cycles\")» }", nameof(MachineOperatorExpressionSyntax))]
    [InlineData("probe begin { x = «@uderef(4, p)» }", nameof(MachineOperatorExpressionSyntax))]
    [InlineData("probe begin { x = «@uregister(0)» }", nameof(MachineOperatorExpressionSyntax))]
    [InlineData("probe begin { x = «$p $» }", nameof(TargetExpressionSyntax), "$p$")]
    [InlineData("probe begin { x = $p[1]«$$» }", nameof(PrettyPrintSuffixSyntax))]
    [InlineData("probe begin { x = $p«->x$» }", nameof(PrettyPrintSuffixSyntax))]
    [InlineData("probe begin { x = «$$vars$» }", nameof(TargetExpressionSyntax))]
    [InlineData("probe begin { x = «$$parms» . $$locals . $$return }", nameof(TargetExpressionSyntax))]
    [InlineData("probe begin { «foo$1$2» = 1 }", nameof(NameExpressionSyntax))]
    [InlineData("probe begin { foreach (k in «@hist_log(x)» limit 71) { } }", nameof(HistogramExpressionSyntax))]
    [InlineData("probe begin { foreach (n = i in «@hist_linear(x, 0, 100, 10)») { } }", nameof(HistogramExpressionSyntax))]
    [InlineData("probe begin { «foreach (k in a@sum- limit 20) { }» }", nameof(ForeachStatementSyntax), "@sum")]
    [InlineData("probe begin { «foreach ([a, b] in s[*, *]@count+) { }» }", nameof(ForeachStatementSyntax), "@count")]
    [InlineData("probe begin { «foreach (v = [k] in a) { }» }", nameof(ForeachStatementSyntax))]
    [InlineData("probe «syscall.{open,close}» { }", nameof(ProbePointSyntax), "syscall.close")]
    [InlineData("probe «kernel.{trace(\"a\")!, trace(\"b\")}» { }", nameof(ProbePointSyntax), "kernel.trace(\"b\")")]
    [InlineData("probe «a.{b.{c,d},e}.f» { }", nameof(ProbePointSyntax), "a.b.d.f")]
    [InlineData("probe «kernel.trace (\"x\")» { }", nameof(ProbePointSyntax))]
    [InlineData("probe «kernel.**» { }", nameof(ProbePointSyntax))]
    [InlineData("probe «a.b? if (x)» { }", nameof(ProbePointSyntax))]
    [InlineData("«private x, y = 2»\nprobe begin { x = y }", nameof(GlobalSyntax), "private global x, y = 2")]
    public void Parse_ValidConstruct_BuildsTheMarkedNode(string marked, string nodeType, string? printed = null)
    {
        var source = MarkedSource.Parse(marked);
        var (program, diagnostics) = TestParser.Parse(source.Text);
        Assert.False(diagnostics.HasErrors, TestParser.Describe(diagnostics));
        var nodes = SyntaxWalker.All(program.Script).ToList();
        var spans = string.Join(", ", nodes.Select(n => $"{n.GetType().Name}@[{n.Span.Start},{n.Span.End})"));
        var node = nodes.FirstOrDefault(n => n.GetType().Name == nodeType && n.Span.Start == source.Start && n.Span.Length == source.Length);
        Assert.True(node is not null, $"no {nodeType} at [{source.Start},{source.Start + source.Length}); the tree has {spans}");

        var once = SyntaxPrinter.Print(program.Script);
        if (printed is not null)
            Assert.Contains(printed, once);
        Assert.Equal(once, TestParser.Print(once));
    }
}
