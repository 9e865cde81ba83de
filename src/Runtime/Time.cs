using System.Globalization;

namespace Tapline.Runtime;

/// <summary>Time formatting of the tapsets.</summary>
public static class Time
{
    /// <summary>`ctime(epochsecs)`: "Thu Nov 27 03:21:11 2026", in UTC, as SystemTap prints it.</summary>
    public static string Ctime(long epochSeconds)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(epochSeconds).UtcDateTime;
        return time.ToString("ddd MMM ", CultureInfo.InvariantCulture)
            + time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
            + time.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture);
    }
}
