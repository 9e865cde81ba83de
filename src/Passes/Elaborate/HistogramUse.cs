using Tapline.Passes.Binding;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// The histograms a program reads: `@hist_linear` takes literal numbers, and each statistic is
/// read as one kind of histogram, since it keeps one set of buckets.
/// </summary>
internal sealed class HistogramUse(DiagnosticBag diagnostics) : BoundTreeWalker
{
    private readonly Dictionary<GlobalSymbol, string> _layouts = new();

    public static void Check(IEnumerable<BoundBlock> bodies, DiagnosticBag diagnostics)
    {
        var use = new HistogramUse(diagnostics);
        foreach (var body in bodies)
            use.Walk(body);
    }

    protected override void VisitExpression(BoundExpression expression)
    {
        if (expression is not BoundHistogram histogram || HistogramParameters.Statistic(histogram) is not { } global)
            return;
        if (HistogramParameters.Layout(histogram) is not { } layout)
            diagnostics.ReportHistogramParameters(histogram.Syntax.Span);
        else if (_layouts.TryGetValue(global, out var earlier) && earlier != layout)
            diagnostics.ReportHistogramConflict(histogram.Syntax.Span, global.Name);
        else
            _layouts[global] = layout;
    }
}
