using System.Collections.Immutable;
using Tapline.Cli;
using Tapline.Passes.Build;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Observers;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Text;
using Tapline.Tracing.Catalog;

namespace Tapline.Tests;

/// <summary>
/// Runs the command's pipeline in-process up to a pass, on the checked-in catalog snapshot
/// and the fixed target, and returns what `-p N` prints, or the diagnostics when it fails.
/// </summary>
internal static class TestPipeline
{
    public static readonly ITracepointCatalog Catalog = new SnapshotCatalog(Path.Combine(Repository.Tapsets, "catalog"));

    public static (string Output, DiagnosticBag Diagnostics) Run(
        string text, int stopAfter, string fileName = "test.stp", IEnumerable<string>? arguments = null, bool guru = false, bool optimize = true,
        bool detailed = false)
    {
        var options = TestParser.Options(arguments) with { GuruMode = guru, KeepUnused = !optimize, DisableCache = true };
        var context = new PassContext(options, TaplinePipeline.Services(Catalog));
        var pipeline = TaplinePipeline.CreateThroughBuild(fileName, Path.GetFileNameWithoutExtension(fileName), optimize);
        var printed = pipeline.Passes.LastOrDefault(p => p.Number == stopAfter);
        var output = new StringWriter();
        var result = new PipelineRunner().Observe(new PassPrinter(pass => pass == printed, output, detailed))
            .Run(pipeline, new ScriptInput(SourceText.FromUnicode(fileName, text)), context, stopAfter);
        (result.LastOutput as BuiltModule)?.Unload();
        return (output.ToString(), context.Diagnostics);
    }

    /// <summary>
    /// All five passes, pass 5 replaying <paramref name="recording"/>: the script's output, then
    /// what it wrote on stderr (ERROR and WARNING lines), then any diagnostics.
    /// </summary>
    public static string Replay(string text, string fileName, string recording, TimeSpan? duration = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = RunAll(text, fileName, new RunOptions { RecordingPath = recording, Duration = duration }, output, errors);
        var stderr = errors.ToString();
        var described = diagnostics.Count == 0 ? "" : TestParser.Describe(diagnostics);
        return output + (stderr.Length > 0 ? "--- stderr\n" + stderr : "") + (described.Length > 0 ? "--- diagnostics\n" + described : "");
    }

    /// <summary>All five passes with <paramref name="run"/>'s settings; the build cache is used only when given a directory.</summary>
    /// <param name="plugins">What plug-ins registered (probe families and their event sources), or null.</param>
    public static DiagnosticBag RunAll(
        string text, string fileName, RunOptions run, TextWriter output, TextWriter errors,
        CancellationToken cancellation = default, string? cacheDirectory = null, IReadOnlyDictionary<string, string>? defines = null,
        Passes.Plugins.PluginRegistration? plugins = null)
    {
        var options = TestParser.Options() with
        {
            DisableCache = cacheDirectory is null,
            CacheDirectory = cacheDirectory,
            Run = run,
            Defines = (defines ?? new Dictionary<string, string>()).ToImmutableDictionary(),
        };
        var context = new PassContext(options, TaplinePipeline.Services(Catalog, plugins), cancellation: cancellation);
        var pipeline = TaplinePipeline.CreateThroughRun(fileName, Path.GetFileNameWithoutExtension(fileName), output, errors);
        new PipelineRunner().Run(pipeline, new ScriptInput(SourceText.FromUnicode(fileName, text)), context);
        return context.Diagnostics;
    }

    /// <summary>Passes 1 and 2 (optimized unless asked otherwise): the resolved program, or null and the diagnostics.</summary>
    public static (Passes.Elaborate.ElaboratedProgram? Program, DiagnosticBag Diagnostics) Elaborate(string text, bool optimize = true)
    {
        var context = new PassContext(TestParser.Options() with { KeepUnused = !optimize }, TaplinePipeline.Services(Catalog));
        var result = new PipelineRunner().Run(TaplinePipeline.Create(optimize), new ScriptInput(SourceText.FromUnicode("test.stp", text)), context, 2);
        return (result.Succeeded ? result.LastOutput as Passes.Elaborate.ElaboratedProgram : null, context.Diagnostics);
    }

    /// <summary>What a golden file holds: the printed output, or the diagnostics as the command prints them.</summary>
    public static string RunGolden(string scriptPath, int stopAfter)
    {
        var options = GoldenOptions(scriptPath);
        var (output, diagnostics) = Run(
            File.ReadAllText(scriptPath), stopAfter, Path.GetFileName(scriptPath), TestParser.GoldenArguments(scriptPath), guru: options.Contains("-g"),
            detailed: stopAfter == 2); // -p2 listings show each body, as stap's -p2 -v does
        if (diagnostics.HasErrors)
            return TestParser.Describe(diagnostics);
        // Warnings come first, as the command prints them, then what the pass printed.
        return diagnostics.Count == 0 ? output : TestParser.Describe(diagnostics) + output;
    }

    /// <summary>The options a golden script runs with, from NAME.options (only -g so far).</summary>
    public static ImmutableArray<string> GoldenOptions(string scriptPath)
    {
        var file = Path.ChangeExtension(scriptPath, ".options");
        return File.Exists(file) ? [.. File.ReadAllLines(file).Where(l => l.Length > 0)] : [];
    }
}
