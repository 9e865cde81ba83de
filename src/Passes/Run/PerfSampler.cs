using Tapline.Passes.Attachments;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// A sampling perf event the run opens on every CPU (`perf.type(T).config(C).sample(N)`):
/// the stream its samples come under, named as a tracepoint's is.
/// </summary>
internal static class PerfSampler
{
    private const string StreamSystem = "perf";

    /// <summary>The name its samples' stream goes by, `perf:TYPE:CONFIG:PERIOD`, as a tracepoint's is `system:name`.</summary>
    public static string StreamName(PerfAttachment perf) => $"{StreamSystem}:{Name(perf)}";

    /// <summary>The format its samples come under: no fields, named <see cref="StreamName"/>.</summary>
    public static EventFormat StreamFormat(PerfAttachment perf) => new(new TracepointFormat(StreamSystem, Name(perf), -1, []));

    private static string Name(PerfAttachment perf) => $"{perf.Type}:{perf.Config}:{perf.SamplePeriod}";
}
