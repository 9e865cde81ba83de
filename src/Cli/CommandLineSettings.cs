using System.Collections.Immutable;

namespace Tapline.Cli;

/// <summary>What the command line asked for, read once from System.CommandLine's parse result.</summary>
internal sealed record CommandLineSettings(
    int? StopAfterPass,
    int Verbosity,
    string? ScriptText,
    ImmutableArray<string> Positionals,
    ImmutableArray<string> IncludeDirectories,
    ImmutableArray<string> Defines,
    string? OutputFile,
    string? DumpDirectory,
    bool GuruMode,
    bool KeepUnused,
    string? CatalogPath,
    string? ListPattern,
    bool ListVariables,
    string? ModuleName = null,
    bool DisableCache = false,
    bool PoisonCache = false,
    bool KeepTemporaries = false,
    RunSettings? Run = null,
    MeasureSettings? Measure = null)
{
    public LanguageSettings Language { get; init; } = new([], null, false);

    public WarningSettings Warnings { get; init; } = new(false, false, false);

    public ChainSettings Chain { get; init; } = new(null, false, null);

    /// <summary>`--rlimit-NAME=VALUE`, as given.</summary>
    public ImmutableArray<KeyValuePair<string, string>> ResourceLimits { get; init; } = [];
}

/// <summary>`-G NAME=VALUE`, `--compatible=VERSION`, `--skip-badvars`: how the script is read.</summary>
internal sealed record LanguageSettings(ImmutableArray<string> Globals, string? Compatible, bool SkipBadVars);

/// <summary>`--passes=NAME,...` (the chain to run, or null for the standard one), `--list-passes`, `--print-after NAME`.</summary>
/// <param name="Plugins">`--plugin ASSEMBLY`, each given.</param>
internal sealed record ChainSettings(ImmutableArray<string>? Passes, bool ListPasses, string? PrintAfter)
{
    public ImmutableArray<string> Plugins { get; init; } = [];
}

/// <summary>`-w` (or `-q`) drops warnings, `-W` makes them errors; `-q` also quiets the run's warnings.</summary>
internal sealed record WarningSettings(bool Suppress, bool AsErrors, bool QuietRun);

/// <summary>`--report FILE` and `--time-passes`, and when the command started (pass 0 is measured from there).</summary>
internal sealed record MeasureSettings(string? ReportPath, bool TimePasses, long StartTimestamp);

/// <summary>The options of pass 5 as given: `-T -c -x -s --input --prometheus`.</summary>
internal sealed record RunSettings(
    double? TimeoutSeconds, string? Command, int? TargetPid, int? BufferMegabytes, string? RecordingPath, string? PrometheusEndpoint = null)
{
    public bool ProbeTiming { get; init; }

    public bool SuppressHandlerErrors { get; init; }

    /// <summary>`--late-user-reads`: read afterwards the user memory that cannot be copied at the event.</summary>
    public bool LateUserReads { get; init; }
}
