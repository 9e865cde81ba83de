using Tapline.Runtime;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// A sampling perf event the run opens on every CPU (`perf.type(T).config(C).sample(N)`,
/// `timer.profile`): perf_event_open's type and config, and the events between samples.
/// </summary>
internal sealed record PerfSampler(uint Type, ulong Config, long Period)
{
    private const string StreamSystem = "perf";

    private string Name => $"{Type}:{Config}:{Period}";

    /// <summary>The name its samples' stream goes by, `perf:TYPE:CONFIG:PERIOD`, as a tracepoint's is `system:name`.</summary>
    public string StreamName => $"{StreamSystem}:{Name}";

    /// <summary>The format its samples come under: no fields, named <see cref="StreamName"/>.</summary>
    public EventFormat StreamFormat() => new(new TracepointFormat(StreamSystem, Name, -1, []));

    public static PerfSampler Of(ProbeHandler handler)
    {
        var parts = handler.Tracepoint!.Split(':');
        return new PerfSampler(uint.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), handler.Parameter);
    }
}
