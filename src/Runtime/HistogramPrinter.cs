using System.Globalization;
using System.Text;

namespace Tapline.Runtime;

/// <summary>
/// Prints a histogram in SystemTap's ASCII layout: a `value |---...--- count` header, a
/// row per bucket from <c>elision</c> (HIST_ELISION, 2 by default) empty buckets before the first used
/// one to as many after the last, bars of `@` scaled to 50 columns, runs of empty rows farther than
/// that from a used one elided as `~` (none when it is negative), and a blank line.
/// Linear histograms label their underflow and overflow rows with `<` and `>`.
/// </summary>
public static class HistogramPrinter
{
    private const int BarWidth = 50;

    public static string Print(Statistic statistic, int elision = 2)
    {
        var spec = statistic.Histogram ?? throw new ScriptRuntimeException("print_hist: this statistic keeps no histogram");
        var counts = statistic.Buckets;
        var first = -1;
        var last = 0;
        long largest = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                first = first < 0 ? i : first;
                last = i;
            }
            largest = Math.Max(largest, counts[i]);
        }
        if (first < 0)
            return Header(5).Append('\n').ToString();
        (first, last) = Widen(spec, counts, first, last, Math.Max(0, elision));
        var linear = spec as LinearHistogram;

        var scale = largest <= BarWidth ? 1 : (largest + BarWidth - 1) / BarWidth;
        var countWidth = Digits(largest);
        var valueWidth = Math.Max(5, linear is null
            ? Math.Max(Digits(LogHistogram.ValueOf(first)), Digits(LogHistogram.ValueOf(last)))
            : Math.Max(Digits(linear.Low) + (first == 0 ? 1 : 0), Digits(linear.Low + linear.Width * last) + (last == linear.Buckets - 1 ? 1 : 0)));

        var text = Header(valueWidth);
        var eliding = false;
        for (var i = first; i <= last; i++)
        {
            if (elision >= 0 && IsElided(counts, i, first, last, elision))
            {
                eliding = true;
                continue;
            }
            if (eliding)
            {
                text.Append(' ', valueWidth).Append(" ~\n");
                eliding = false;
            }
            var (value, prefix) = Label(spec, i);
            var number = value.ToString(CultureInfo.InvariantCulture);
            text.Append((prefix + number).PadLeft(valueWidth)).Append(" |");
            var bar = (int)(counts[i] / scale);
            text.Append('@', bar);
            text.Append(counts[i].ToString(CultureInfo.InvariantCulture).PadLeft(BarWidth - bar + 1 + countWidth)).Append('\n');
        }
        return text.Append('\n').ToString();
    }

    private static StringBuilder Header(int valueWidth) =>
        new StringBuilder().Append("value".PadLeft(valueWidth)).Append(" |").Append('-', BarWidth).Append(" count\n");

    /// <summary><paramref name="margin"/> more buckets on each side of the used ones; log histograms do not go below zero unless a value did.</summary>
    private static (int First, int Last) Widen(HistogramSpec spec, ReadOnlySpan<long> counts, int first, int last, int margin)
    {
        for (var i = 0; i < margin; i++)
        {
            if (spec is LogHistogram ? first != LogHistogram.ZeroBucket && first > 0 : first > 0)
                first--;
            if (last < counts.Length - 1)
                last++;
        }
        if (spec is LinearHistogram)
        {
            if (first == 0 && counts[0] == 0)
                first++;
            if (last == counts.Length - 1 && counts[last] == 0)
                last--;
        }
        return (first, last);
    }

    /// <summary>An empty row whose neighbours within <paramref name="margin"/> rows (inside the printed range) are empty too.</summary>
    private static bool IsElided(ReadOnlySpan<long> counts, int row, int first, int last, int margin)
    {
        for (var k = Math.Max(first, row - margin); k <= Math.Min(last, row + margin); k++)
        {
            if (counts[k] != 0)
                return false;
        }
        return true;
    }

    private static (long Value, string Prefix) Label(HistogramSpec spec, int bucket) => spec switch
    {
        LinearHistogram linear when bucket == 0 => (linear.Low, "<"),
        LinearHistogram linear when bucket == linear.Buckets - 1 => (linear.Low + (bucket - 2) * linear.Width, ">"),
        LinearHistogram linear => (linear.Low + (bucket - 1) * linear.Width, ""),
        _ => (LogHistogram.ValueOf(bucket), ""),
    };

    private static int Digits(long value) =>
        value == 0 ? 1 : value.ToString(CultureInfo.InvariantCulture).Length;
}
