using System.Collections.Immutable;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Observers;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Text;

namespace Tapline.Cli;

/// <summary>Runs the pipeline for one command line: reads the script, runs the passes, reports.</summary>
internal sealed class TranslateCommand(TextWriter stdout, TextWriter stderr)
{
    private const int Failure = 1;

    public int Execute(CommandLineSettings settings)
    {
        if (settings.StopAfterPass is < 1 or > 5)
            return Fail($"-p takes a pass number from 1 to 5, not {settings.StopAfterPass}");
        if (!TryReadDefines(settings.Defines, out var defines, out var badDefine))
            return Fail($"-D takes NAME=VALUE, not '{badDefine}'");
        if (!TryReadScript(settings, out var script, out var arguments, out var problem))
            return Fail(problem);

        var catalog = CatalogChoice.Open(settings.CatalogPath, out var catalogProblem);
        if (catalog is null)
            return Fail(catalogProblem!);

        var options = Options(settings, arguments, defines);
        var moduleName = settings.ModuleName ?? DefaultModuleName(script.FileName);
        var pipeline = TaplinePipeline.CreateThroughBuild(script.FileName, moduleName, optimize: !settings.KeepUnused);
        var stopAfter = settings.StopAfterPass ?? 5;

        var output = settings.OutputFile is null ? stdout : new StringWriter();
        var timer = new PassTimer();
        var runner = new PipelineRunner().Observe(timer);
        if (settings.Verbosity > 0)
            runner.Observe(new VerboseReporter(timer, stderr));
        var printed = pipeline.Passes.LastOrDefault(pass => pass.Number == stopAfter);
        runner.Observe(new PassPrinter(pass => pass == printed, output));
        var keeper = settings.KeepTemporaries ? new TemporaryKeeper() : null;
        if (keeper is not null)
            runner.Observe(keeper);
        if (settings.DumpDirectory is not null)
            runner.Observe(new PassDumper(settings.DumpDirectory, Path.GetFileNameWithoutExtension(script.FileName)));

        var context = new PassContext(options, TaplinePipeline.Services(catalog));
        var result = runner.Run(pipeline, new ScriptInput(script), context, stopAfter);
        if (keeper?.KeptDirectory is { } kept)
            stderr.WriteLine($"Keeping temporary directory \"{kept}\"");
        (result.LastOutput as Passes.Build.BuiltModule)?.Unload();
        if (context.Diagnostics.Count > 0)
            DiagnosticFormatter.Write(stderr, context.Diagnostics.Sorted());
        if (!result.Succeeded)
            return Failure;

        var lastNumber = result.LastPass?.Number ?? 0;
        if (lastNumber < stopAfter)
        {
            return Fail($"pass {lastNumber + 1} ({PassNames.ForNumber(lastNumber + 1)}) is not built yet; " +
                $"stop after pass {lastNumber} with -p{lastNumber}");
        }
        if (settings.OutputFile is null)
            return 0;
        try
        {
            WriteAtomically(settings.OutputFile, output.ToString()!);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{settings.OutputFile}': {e.Message}");
        }
    }

    private static string DefaultLibraryDirectory => Path.Combine(AppContext.BaseDirectory, "tapsets");

    /// <summary>The module's default name, as stap names it after the script: `errno.stp` gives `errno`.</summary>
    private static string DefaultModuleName(string scriptName) =>
        scriptName.StartsWith('<') ? "stdin" : Path.GetFileNameWithoutExtension(scriptName);

    internal static PipelineOptions Options(CommandLineSettings settings, ImmutableArray<string> arguments, ImmutableDictionary<string, string> defines) => new()
    {
        ScriptArguments = arguments,
        LibraryDirectories = [.. settings.IncludeDirectories, DefaultLibraryDirectory],
        Defines = defines,
        GuruMode = settings.GuruMode,
        KeepUnused = settings.KeepUnused,
        DisableCache = settings.DisableCache,
        PoisonCache = settings.PoisonCache,
        Target = HostTarget.Describe(),
    };

    private static bool TryReadScript(
        CommandLineSettings settings, out SourceText script, out ImmutableArray<string> arguments, out string problem)
    {
        script = new SourceText("", "");
        problem = "";
        if (settings.ScriptText is not null)
        {
            script = new SourceText("<input>", settings.ScriptText);
            arguments = settings.Positionals;
            return true;
        }
        arguments = settings.Positionals.IsEmpty ? [] : settings.Positionals.RemoveAt(0);
        if (settings.Positionals.IsEmpty)
        {
            problem = "no script given: name a script file, '-' for standard input, or -e SCRIPT";
            return false;
        }
        var path = settings.Positionals[0];
        try
        {
            script = path == "-" ? new SourceText("<stdin>", Console.In.ReadToEnd()) : SourceText.FromFile(path);
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

    /// <summary>Writes to a temporary file beside the target and renames it, so no half-written file is left.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private int Fail(string message)
    {
        stderr.WriteLine($"tapline: {message}");
        return Failure;
    }
}
