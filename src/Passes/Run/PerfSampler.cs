using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// A sampling perf event the run opens on every CPU (`perf.type(T).config(C).sample(N)`,
/// `timer.profile`): perf_event_open's type and config, and the events between samples.
/// </summary>
internal sealed record PerfSampler(uint Type, ulong Config, long Period)
{
    /// <summary>The name its samples' stream goes by, as a tracepoint's `system:name` does.</summary>
    public string StreamName => $"perf:{Type}:{Config}:{Period}";

    public static PerfSampler Of(ProbeHandler handler)
    {
        var parts = handler.Tracepoint!.Split(':');
        return new PerfSampler(uint.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), handler.Parameter);
    }
}
