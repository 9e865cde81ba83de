namespace Tapline.Tracing.Perf;

/// <summary>The kernel's clocks, read as perf stamps events with `use_clockid`.</summary>
public static unsafe class Clocks
{
    public const int Realtime = 0;
    public const int Monotonic = 1;

    public static long Nanoseconds(int clock)
    {
        LibC.TimeSpec time;
        if (LibC.ClockGetTime(clock, &time) != 0)
            throw new InvalidOperationException($"clock_gettime({clock}) failed");
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    public static long MonotonicNanoseconds => Nanoseconds(Monotonic);

    /// <summary>What to add to a monotonic time to get wall-clock nanoseconds since the epoch, now.</summary>
    public static long WallClockOffset()
    {
        var before = Nanoseconds(Monotonic);
        var wall = Nanoseconds(Realtime);
        var after = Nanoseconds(Monotonic);
        return wall - (before + (after - before) / 2);
    }
}
