using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `timer.s(N)`, `timer.ms(N)`, `timer.us(N)`, `timer.ns(N)` (and `sec msec usec nsec`),
/// `timer.hz(N)`, `timer.jiffies(N)`, each but hz with an optional `.randomize(M)` in the same unit,
/// and `timer.profile`: every tick (1/HZ s) on every CPU, in the context of the task it falls
/// on, which the kernel's cpu-clock perf event gives.
/// </summary>
public sealed class TimerProvider(long jiffiesPerSecond = TimerProvider.DefaultHz) : IProbeProvider
{
    public const long DefaultHz = 250;

    private static readonly Dictionary<string, long> NanosecondsPerUnit = new()
    {
        ["s"] = 1_000_000_000,
        ["sec"] = 1_000_000_000,
        ["ms"] = 1_000_000,
        ["msec"] = 1_000_000,
        ["us"] = 1_000,
        ["usec"] = 1_000,
        ["ns"] = 1,
        ["nsec"] = 1,
    };

    public IReadOnlyCollection<string> Roots { get; } = ["timer"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        if (components.Length < 2)
            return ProbeResolution.Fail("a timer needs a unit: timer.s(N), timer.ms(N), timer.hz(N), timer.profile ...");
        var unit = components[1];
        if (unit.Name == "profile")
        {
            return components.Length == 2 && unit.Argument is null
                ? ProbeResolution.Of(new PerfProbePoint(PerfProbePoint.SoftwareType, PerfProbePoint.CpuClock, 1_000_000_000 / jiffiesPerSecond, "timer.profile"))
                : ProbeResolution.Fail("timer.profile takes no argument");
        }
        if (unit.Argument is not NumberLiteralSyntax { Value: > 0 } count)
            return ProbeResolution.Fail($"timer.{unit.Name}(N) needs a positive number N");

        long interval;
        if (NanosecondsPerUnit.TryGetValue(unit.Name, out var scale))
            interval = checked(count.Value * scale);
        else if (unit.Name == "hz")
            interval = 1_000_000_000 / count.Value;
        else if (unit.Name == "jiffies")
            interval = checked(count.Value * (1_000_000_000 / jiffiesPerSecond));
        else
            return ProbeResolution.Fail($"'timer.{unit.Name}' is not a timer unit (s, ms, us, ns, hz, jiffies, profile)");

        var text = $"timer.{unit.Name}({count.Value})";
        long randomize = 0;
        if (unit.Name == "hz" && components.Length > 2)
            return ProbeResolution.Fail("timer.hz(N) takes no further component: only the other timers have .randomize(M)");
        if (components.Length == 3 && components[2] is { Name: "randomize", Argument: NumberLiteralSyntax { Value: >= 0 } spread })
        {
            randomize = checked(spread.Value * (scale > 0 ? scale : 1_000_000_000 / jiffiesPerSecond));
            text += $".randomize({spread.Value})";
        }
        else if (components.Length > 2)
            return ProbeResolution.Fail("the only component after a timer is .randomize(N)");
        if (interval <= 0)
            return ProbeResolution.Fail("the timer's period is shorter than a nanosecond");
        return ProbeResolution.Of(new TimerProbePoint(interval, randomize, text));
    }

    public IEnumerable<string> ListPoints() => ["timer.profile"];
}

/// <summary>A periodic timer: its period (and random spread) in nanoseconds, or the profiling tick.</summary>
public sealed record TimerProbePoint(long IntervalNanoseconds, long RandomizeNanoseconds, string Text)
    : ResolvedProbePoint(Text)
{
    public override ProbeAttachment Attachment => new TimerAttachment(IntervalNanoseconds, RandomizeNanoseconds);
}
