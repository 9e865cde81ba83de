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
    MeasureSettings? Measure = null);

/// <summary>`--report FILE` and `--time-passes`, and when the command started (pass 0 is measured from there).</summary>
internal sealed record MeasureSettings(string? ReportPath, bool TimePasses, long StartTimestamp);

/// <summary>The options of pass 5 as given: `-T -c -x -s --input --prometheus`.</summary>
internal sealed record RunSettings(
    double? TimeoutSeconds, string? Command, int? TargetPid, int? BufferMegabytes, string? RecordingPath, string? PrometheusEndpoint = null);
