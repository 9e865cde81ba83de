using System.Globalization;
using System.Text;

namespace Tapline.Cli;

/// <summary>
/// `-o out-%Y%m%d.txt`: as stap does, an output file name holding `%` conversions is expanded
/// with strftime(3)'s conversions, in local time, when the run starts.
/// </summary>
internal static class OutputFileName
{
    /// <summary>The expanded name; null (and <paramref name="problem"/>) when a conversion is not strftime's.</summary>
    public static string? Expand(string pattern, DateTimeOffset now, out string? problem)
    {
        problem = null;
        var name = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                name.Append(pattern[i]);
                continue;
            }
            var conversion = i + 1 < pattern.Length ? pattern[++i] : '\0';
            if (Convert(conversion, now) is not { } text)
            {
                problem = $"-o: '%{conversion}' in '{pattern}' is not a strftime conversion";
                return null;
            }
            name.Append(text);
        }
        return name.ToString();
    }

    private static string? Convert(char conversion, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        return conversion switch
        {
            'Y' => now.Year.ToString(c),
            'y' => (now.Year % 100).ToString("00", c),
            'C' => (now.Year / 100).ToString("00", c),
            'm' => now.Month.ToString("00", c),
            'd' => now.Day.ToString("00", c),
            'e' => now.Day.ToString(c).PadLeft(2),
            'j' => now.DayOfYear.ToString("000", c),
            'H' => now.Hour.ToString("00", c),
            'I' => ((now.Hour + 11) % 12 + 1).ToString("00", c),
            'M' => now.Minute.ToString("00", c),
            'S' => now.Second.ToString("00", c),
            'p' => now.Hour < 12 ? "AM" : "PM",
            'a' => now.ToString("ddd", c),
            'A' => now.ToString("dddd", c),
            'b' or 'h' => now.ToString("MMM", c),
            'B' => now.ToString("MMMM", c),
            'u' => (now.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)now.DayOfWeek).ToString(c),
            'w' => ((int)now.DayOfWeek).ToString(c),
            's' => now.ToUnixTimeSeconds().ToString(c),
            'F' => now.ToString("yyyy-MM-dd", c),
            'T' => now.ToString("HH:mm:ss", c),
            'D' => now.ToString("MM/dd/yy", c),
            'R' => now.ToString("HH:mm", c),
            'z' => (now.Offset < TimeSpan.Zero ? "-" : "+") + now.Offset.ToString("hhmm", c),
            '%' => "%",
            _ => null,
        };
    }
}
