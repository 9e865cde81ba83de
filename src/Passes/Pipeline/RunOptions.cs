namespace Tapline.Passes.Pipeline;

/// <summary>How pass 5 runs the module: what it reads, for how long, and what `target()` is.</summary>
public sealed record RunOptions
{
    /// <summary>`-T SECONDS`: end the run after this long (of the recording's time, when replaying).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>`-c CMD`: start this command once the probes are attached; the run ends when it exits.</summary>
    public string? Command { get; init; }

    /// <summary>`-x PID`: what `target()` returns.</summary>
    public int? TargetPid { get; init; }

    /// <summary>`--input FILE`: replay this perf.data recording instead of tracing the live system.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>`-s MB`: the size of each CPU's ring, in megabytes.</summary>
    public int BufferMegabytes { get; init; } = 4;

    /// <summary>`-t`: time each handler and print stap's probe hit report at the end.</summary>
    public bool ProbeTiming { get; init; }

    /// <summary>`--suppress-handler-errors`: a run-time error ends its handler silently, uncounted.</summary>
    public bool SuppressHandlerErrors { get; init; }

    /// <summary>`-q`: the script's `warn()` messages are not printed.</summary>
    public bool QuietWarnings { get; init; }
}
