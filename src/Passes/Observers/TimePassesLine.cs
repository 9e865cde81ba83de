using System.Globalization;

namespace Tapline.Passes.Observers;

/// <summary>
/// `--time-passes`: one line as SystemTap's stap_time file holds it, `SCRIPT pass0 pass1 pass2
/// pass3 pass4` in whole milliseconds (and pass 5 when it ran); a pass inserted under a number
/// (`Pass 2 (optimize)`) counts towards that number.
/// </summary>
public static class TimePassesLine
{
    public static string Format(PipelineReport report)
    {
        var columns = new List<long> { Whole(report.Setup) };
        foreach (var number in report.Passes.Select(p => p.Pass.Number).Distinct().Order())
            columns.Add(Whole(TimeSpan.FromTicks(report.Passes.Where(p => p.Pass.Number == number).Sum(p => p.WallTime.Ticks))));
        return $"{Path.GetFileName(report.Script)} {string.Join(' ', columns.Select(c => c.ToString(CultureInfo.InvariantCulture)))}";
    }

    private static long Whole(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds);
}
