using ScottPlot;

namespace Tapline.Compare;

/// <summary>A grouped bar chart of per-pass time for both forms, as the seed's gnuplot graph shows SystemTap's.</summary>
internal static class PassChart
{
    public static void Draw(IReadOnlyList<FormResult> forms, string path)
    {
        var plot = new Plot();
        var colors = new[] { Colors.SteelBlue, Colors.DarkOrange };
        var bars = new List<Bar>();
        for (var form = 0; form < forms.Count; form++)
        {
            for (var pass = 0; pass < FreshRun.Passes; pass++)
            {
                bars.Add(new Bar
                {
                    Position = pass * (forms.Count + 1) + form,
                    Value = forms[form].PassMs[pass],
                    FillColor = colors[form],
                    Label = $"{forms[form].PassMs[pass]:0}",
                });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = forms[form].Script, FillColor = colors[form] });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        var ticks = Enumerable.Range(0, FreshRun.Passes).Select(p => new Tick(p * (forms.Count + 1) + (forms.Count - 1) / 2.0, PassTable.PassNames[p])).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Tapline: errno.stp per pass, syscall.*.return vs syscall_any.return");
        plot.YLabel("median wall time (ms)");
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.SavePng(path, 900, 500);
    }
}
