using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Observers;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Plugins;
using Tapline.Passes.Run;
using Tapline.Passes.Text;
using Tapline.Runtime;
using Tapline.Tracing.Files;

namespace Tapline.Cli;

/// <summary>Runs the pipeline for one command line: reads the script, runs the passes, reports.</summary>
internal sealed class RunScriptCommand(TextWriter stdout, TextWriter stderr)
{
    private const int Failure = 1;

    public int Execute(CommandLineSettings settings)
    {
        if (settings.StopAfterPass is < 1 or > 5)
            return Fail($"-p takes a pass number from 1 to 5, not {settings.StopAfterPass}");
        if (!TryReadDefines(settings.Defines, out var defines, out var badDefine))
            return Fail($"-D takes NAME=VALUE, not '{badDefine}'");
        if (settings.ModuleName is { } module && (module.Length == 0 || !module.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
            return Fail($"-m takes a module name of letters, digits and '_', not '{module}'");
        if (RunProblem(settings.Run) is { } runProblem)
            return Fail(runProblem);
        if (CommandLineChecks.ReadGlobals(settings.Language.Globals, out var globals) is { } globalProblem)
            return Fail(globalProblem);
        if (CommandLineChecks.CompatibleProblem(settings.Language.Compatible) is { } compatibleProblem)
            return Fail(compatibleProblem);
        string? outputPath = null;
        if (settings.OutputFile is { } named && (outputPath = OutputFileName.Expand(named, DateTimeOffset.Now, out var nameProblem)) is null)
            return Fail(nameProblem!);
        if (CommandLineChecks.ApplyResourceLimits(settings.ResourceLimits) is { } limitProblem)
            return Fail(limitProblem);
        if (!TryReadScript(settings, out var script, out var arguments, out var problem))
            return Fail(problem);
        using var loaded = PluginLoader.Load(settings.Chain.Plugins, out var pluginProblem);
        if (loaded is null)
            return Fail(pluginProblem);
        var plugins = loaded.Registration;

        var catalog = CatalogChoice.Open(settings.CatalogPath, out var catalogProblem);
        if (catalog is null)
            return Fail(catalogProblem!);

        var given = Options(settings, arguments, defines);
        var options = given with { GlobalValues = globals, LibraryDirectories = [.. plugins.TapsetDirectories, .. given.LibraryDirectories] };
        var moduleName = settings.ModuleName ?? DefaultModuleName(script.FileName);
        var stopAfter = settings.StopAfterPass ?? 5;
        var scrapes = settings.Run?.PrometheusEndpoint is null ? null : new ScrapeQueue();
        MetricsServer? server = null;
        try
        {
            if (scrapes is not null && stopAfter == 5)
                server = MetricsServer.Start(MetricsServer.ParseEndpoint(settings.Run!.PrometheusEndpoint!)!, scrapes);
        }
        catch (IOException e)
        {
            return Fail($"cannot serve --prometheus on {settings.Run!.PrometheusEndpoint}: {e.Message}");
        }
        using (var interrupt = new InterruptHandler(stderr))
        using (server)
        {
            // -o writes as the run goes, as stap's does; the file is opened with the first output.
            var output = outputPath is { } path
                ? new OutputPump(() => new DescriptorStream(SecureFile.OpenToWrite(path)), $"'{path}'")
                : stdout;
            if (output is OutputPump pump)
            {
                pump.FailureObserved = interrupt.Stop;
                pump.StopWaiting = interrupt.Token;
            }
            if (!TryChain(TaplinePipeline.CreateThroughRun(script.FileName, moduleName, output, stderr, scrapes, optimize: !settings.KeepUnused),
                    settings.Chain, plugins, out var pipeline, out var chainProblem))
                return Fail(chainProblem);
            var diagnostics = new DiagnosticBag { SuppressWarnings = settings.Warnings.Suppress, WarningsAreErrors = settings.Warnings.AsErrors };
            var context = new PassContext(options, TaplinePipeline.Services(catalog, plugins), diagnostics, interrupt.Token);
            var (exitCode, ranHandlers) = RunPipeline(pipeline, settings, script, context, output, stopAfter, interrupt);
            var outputFailure = OutputPump.Finish(output, interrupt.Token, create: exitCode == 0 || ranHandlers, stderr);
            return outputFailure ?? exitCode;
        }
    }

    /// <summary>Runs the passes; says whether handlers ran, whose output is kept even when the run failed.</summary>
    private (int ExitCode, bool RanHandlers) RunPipeline(
        Pipeline<ScriptInput, IPassOutput> pipeline, CommandLineSettings settings, SourceText script,
        PassContext context, TextWriter output, int stopAfter, InterruptHandler interrupt)
    {
        var timer = new PassTimer();
        var runner = new PipelineRunner().Observe(timer).Observe(interrupt);
        if (settings.Verbosity > 0)
            runner.Observe(new VerboseReporter(timer, stderr));
        var printed = pipeline.Passes.LastOrDefault(pass => pass.Number == stopAfter);
        runner.Observe(new PassPrinter(pass => pass == printed || pass.Name == settings.Chain.PrintAfter, output, detailed: settings.Verbosity > 0));
        var keeper = settings.KeepTemporaries ? new TemporaryKeeper() : null;
        if (keeper is not null)
            runner.Observe(keeper);
        if (settings.DumpDirectory is not null)
            runner.Observe(new PassDumper(settings.DumpDirectory, Path.GetFileNameWithoutExtension(script.FileName)));

        var setup = Stopwatch.GetElapsedTime(settings.Measure?.StartTimestamp ?? Stopwatch.GetTimestamp());
        var pipelineStarted = Stopwatch.GetTimestamp();
        PipelineResult result;
        try
        {
            result = runner.Run(pipeline, new ScriptInput(script), context, stopAfter);
        }
        catch (OperationCanceledException)
        {
            return (Fail("interrupted"), false);
        }
        var report = new PipelineReport(Version, MachineDescription.Current(), script.FileName, setup,
            Stopwatch.GetElapsedTime(pipelineStarted), result.Succeeded, timer.Measurements);
        if (settings.Measure?.TimePasses == true)
            stderr.WriteLine(TimePassesLine.Format(report));
        if (settings.Measure?.ReportPath is { } reportPath && !TryWriteReport(reportPath, report))
            return (Failure, false);
        if (keeper?.KeptDirectory is { } kept)
            stderr.WriteLine($"Keeping temporary directory \"{kept}\"");
        // The module is unloaded whichever pass ran last: after pass 5 its output is the run's outcome.
        foreach (var module in result.Outputs.OfType<Passes.Build.BuiltModule>())
            module.Unload();
        if (context.Diagnostics.Count > 0)
            DiagnosticFormatter.Write(stderr, context.Diagnostics.Sorted());
        var ranHandlers = result.LastOutput is RunOutcome { HandlersRun: > 0 };
        return (result.Succeeded ? 0 : Failure, ranHandlers);
    }

    /// <summary>`--list-passes`: the chain the other options give, one pass a line, with the forms it takes and gives.</summary>
    public int ListPasses(CommandLineSettings settings)
    {
        var standard = TaplinePipeline.CreateThroughRun("<list>", "list", TextWriter.Null, TextWriter.Null, optimize: !settings.KeepUnused);
        using var loaded = PluginLoader.Load(settings.Chain.Plugins, out var problem);
        if (loaded is null || !TryChain(standard, settings.Chain, loaded.Registration, out var pipeline, out problem))
            return Fail(problem);
        foreach (var shape in pipeline.Shapes)
            stdout.WriteLine(shape);
        return 0;
    }

    /// <summary>
    /// The standard chain with the plug-ins' passes in their places, or the passes `--passes`
    /// names of it, checked; and the pass `--print-after` names must be in it.
    /// </summary>
    private static bool TryChain(
        Pipeline<ScriptInput, RunOutcome> standard, ChainSettings chain, PluginRegistration plugins,
        out Pipeline<ScriptInput, IPassOutput> pipeline, out string problem)
    {
        (pipeline, problem) = (standard.Erase(), "");
        var stage = "--plugin";
        try
        {
            var builder = plugins.Apply(PipelineBuilder.From(standard));
            pipeline = builder.Build<ScriptInput, IPassOutput>(); // the plug-ins' chain holds before --passes picks from it
            stage = "--passes";
            if (chain.Passes is { } names)
                builder.Select(names);
            pipeline = builder.Build<ScriptInput, IPassOutput>();
        }
        catch (PipelineShapeException e)
        {
            problem = $"{stage}: {e.Message}";
            return false;
        }
        if (chain.PrintAfter is { } name && !pipeline.Passes.Any(p => p.Name == name))
        {
            problem = $"--print-after: there is no pass '{name}' (the chain is {string.Join(",", pipeline.Passes.Select(p => p.Name))})";
            return false;
        }
        return true;
    }

    private static string Version =>
        typeof(RunScriptCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes the report whole or not at all (see <see cref="ResultFile"/>).</summary>
    private bool TryWriteReport(string path, PipelineReport report)
    {
        try
        {
            ResultFile.Write(path, stream => ReportWriter.Write(report, stream));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"cannot write the report '{path}': {e.Message}");
            return false;
        }
    }

    private static string? RunProblem(RunSettings? run)
    {
        if (run is null)
            return null;
        if (run.TimeoutSeconds is <= 0 or > 1e9)
            return $"-T takes a number of seconds greater than 0, not {run.TimeoutSeconds}";
        if (run.TargetPid is <= 0)
            return $"-x takes a process id, not {run.TargetPid}";
        if (run.BufferMegabytes is < 1 or > 1024)
            return $"-s takes a ring size from 1 to 1024 megabytes, not {run.BufferMegabytes}";
        if (run.Command is not null && run.TargetPid is not null)
            return "-c and -x both set target(); give one of them";
        if (run.RecordingPath is not null && run.Command is not null)
            return "--input replays a recording; -c needs the live system";
        if (run.PrometheusEndpoint is { } endpoint && MetricsServer.ParseEndpoint(endpoint) is null)
            return $"--prometheus takes ADDRESS:PORT or PORT, not '{endpoint}'";
        if (run.PrometheusEndpoint is not null && run.RecordingPath is not null)
            return "--prometheus serves a live run; --input replays a recording";
        return null;
    }

    /// <summary>The default tapset library: $SYSTEMTAP_TAPSET when set, as for stap, else the one installed beside the command.</summary>
    private static string DefaultLibraryDirectory =>
        Environment.GetEnvironmentVariable("SYSTEMTAP_TAPSET") is { Length: > 0 } chosen ? chosen : Path.Combine(AppContext.BaseDirectory, "tapsets");

    /// <summary>The module's default name, as stap names it after the script: `errno.stp` gives `errno`.</summary>
    private static string DefaultModuleName(string scriptName) =>
        scriptName.StartsWith('<') ? "stdin" : Path.GetFileNameWithoutExtension(scriptName);

    internal static PipelineOptions Options(CommandLineSettings settings, ImmutableArray<string> arguments, ImmutableDictionary<string, string> defines) => new()
    {
        ScriptArguments = arguments,
        LibraryDirectories = [.. settings.IncludeDirectories, DefaultLibraryDirectory],
        Defines = defines,
        GuruMode = settings.GuruMode,
        // A chain without the optimize pass elaborates as -u does: nothing after it would elide.
        KeepUnused = settings.KeepUnused || settings.Chain.Passes is { } chain && !chain.Contains(PassNames.Optimize),
        DisableCache = settings.DisableCache,
        PoisonCache = settings.PoisonCache,
        SkipBadVariables = settings.Language.SkipBadVars,
        LateUserReads = settings.Run?.LateUserReads ?? false,
        Target = settings.Language.Compatible is { } version ? HostTarget.Describe() with { SystemtapVersion = version } : HostTarget.Describe(),
        Run = new RunOptions
        {
            Duration = settings.Run?.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Command = settings.Run?.Command,
            TargetPid = settings.Run?.TargetPid,
            RecordingPath = settings.Run?.RecordingPath,
            BufferMegabytes = settings.Run?.BufferMegabytes ?? new RunOptions().BufferMegabytes,
            ProbeTiming = settings.Run?.ProbeTiming ?? false,
            SuppressHandlerErrors = settings.Run?.SuppressHandlerErrors ?? false,
            QuietWarnings = settings.Warnings.QuietRun,
        },
    };

    private static string ReadStandardInput()
    {
        using var bytes = new MemoryStream();
        Console.OpenStandardInput().CopyTo(bytes);
        return ScriptBytes.FromBytes(bytes.ToArray());
    }

    private static bool TryReadScript(
        CommandLineSettings settings, out SourceText script, out ImmutableArray<string> arguments, out string problem)
    {
        script = new SourceText("", "");
        problem = "";
        if (settings.ScriptText is not null)
        {
            script = SourceText.FromUnicode("<input>", settings.ScriptText);
            arguments = [.. settings.Positionals.Select(ScriptBytes.FromUnicode)];
            return true;
        }
        arguments = settings.Positionals.IsEmpty ? [] : [.. settings.Positionals.RemoveAt(0).Select(ScriptBytes.FromUnicode)];
        if (settings.Positionals.IsEmpty)
        {
            problem = "no script given: name a script file, '-' for standard input, or -e SCRIPT";
            return false;
        }
        var path = settings.Positionals[0];
        try
        {
            script = path == "-" ? new SourceText("<stdin>", ReadStandardInput()) : SourceText.FromFile(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read script '{path}': {e.Message}";
            return false;
        }
    }

    private static bool TryReadDefines(
        IEnumerable<string> settings, out ImmutableDictionary<string, string> defines, out string bad)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        bad = "";
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            var name = equals < 0 ? setting : setting[..equals];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
            {
                bad = setting;
                defines = builder.ToImmutable();
                return false;
            }
            builder[name] = equals < 0 ? "" : setting[(equals + 1)..];
        }
        defines = builder.ToImmutable();
        return true;
    }

    private int Fail(string message)
    {
        stderr.WriteLine($"tapline: {message}");
        return Failure;
    }
}
