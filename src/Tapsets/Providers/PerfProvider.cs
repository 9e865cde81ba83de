using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `perf.type(T).config(C)` and `.sample(N)`: a sampling perf event (perf_event_open's type and
/// config) on every CPU, the handler running on every Nth event (1000000 by default, as stap's
/// translator) in the context of the task it fell on. perf.stp names the kernel's events.
/// </summary>
public sealed class PerfProvider : IProbeProvider
{
    public const long DefaultSamplePeriod = 1_000_000;

    public IReadOnlyCollection<string> Roots { get; } = ["perf"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        if (components.Length < 3 || components[1] is not { Name: "type", Argument: NumberLiteralSyntax { Value: >= 0 and <= uint.MaxValue } type }
            || components[2] is not { Name: "config", Argument: NumberLiteralSyntax { Value: >= 0 } config })
            return ProbeResolution.Fail("a perf probe is perf.type(T).config(C), optionally .sample(N), or one of perf.stp's names (perf.sw.cpu_clock ...)");
        var period = DefaultSamplePeriod;
        var text = $"perf.type({type.Value}).config({config.Value})";
        if (components.Length > 3)
        {
            if (components.Length > 4 || components[3] is not { Name: "sample", Argument: NumberLiteralSyntax { Value: > 0 } sample })
            {
                return components[3].Name is "process" or "counter"
                    ? ProbeResolution.Fail($"perf probes with .{components[3].Name}(...) need uprobes or @perf counters, which Tapline does not provide")
                    : ProbeResolution.Fail("the only component after perf.type(T).config(C) is .sample(N), N positive");
            }
            period = sample.Value;
            text += $".sample({period})";
        }
        return ProbeResolution.Of(new PerfProbePoint((uint)type.Value, (ulong)config.Value, period, text));
    }

    public IEnumerable<string> ListPoints() => [];
}

/// <summary>A sampling perf event on every CPU: perf_event_open's type and config, and the events between samples.</summary>
public sealed record PerfProbePoint(uint Type, ulong Config, long SamplePeriod, string Text) : ResolvedProbePoint(Text)
{
    /// <summary>The software event the kernel counts time on each CPU with (PERF_COUNT_SW_CPU_CLOCK), in nanoseconds.</summary>
    public const uint SoftwareType = 1;

    public const ulong CpuClock = 0;

    public override ProbeAttachment Attachment => new PerfAttachment(Type, Config, SamplePeriod);
}
