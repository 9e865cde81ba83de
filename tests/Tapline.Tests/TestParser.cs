using System.Collections.Immutable;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Tests;

/// <summary>Runs pass 1 the way the command does, on the repository's tapset library and a fixed target.</summary>
internal static class TestParser
{
    public static PipelineOptions Options(IEnumerable<string>? arguments = null, bool withLibrary = true, bool guru = false) => new()
    {
        GuruMode = guru,
        ScriptArguments = (arguments ?? []).ToImmutableArray(),
        LibraryDirectories = withLibrary ? [Repository.Tapsets] : [],
        Target = TargetDescription.Fixed,
    };

    public static (ParsedProgram Program, DiagnosticBag Diagnostics) Parse(
        string text, string fileName = "test.stp", IEnumerable<string>? arguments = null, bool guru = false)
    {
        var context = new PassContext(Options(arguments, guru: guru));
        var program = new ParsePass().Run(new ScriptInput(SourceText.FromUnicode(fileName, text)), context);
        return (program, context.Diagnostics);
    }

    private static readonly Lazy<MacroTable> LibraryMacros = new(() =>
    {
        var macros = new MacroTable();
        var environment = new PreprocessorEnvironment(TargetDescription.Fixed, false, null);
        foreach (var path in Directory.EnumerateFiles(Repository.Tapsets, "*.stpm", SearchOption.AllDirectories))
            ScriptParser.DefineMacros(SourceText.FromFile(path), environment, macros, new DiagnosticBag());
        return macros;
    });

    /// <summary>Parses the script alone, with the library's macros read once: for tests that parse thousands of scripts.</summary>
    public static DiagnosticBag ParseScriptOnly(string text, IEnumerable<string> arguments, bool guru = false)
    {
        var diagnostics = new DiagnosticBag();
        var environment = new PreprocessorEnvironment(TargetDescription.Fixed, guru, arguments.ToImmutableArray());
        ScriptParser.Parse(SourceText.FromUnicode("cut.stp", text), environment, new MacroTable(LibraryMacros.Value), diagnostics, userScript: true);
        return diagnostics;
    }

    /// <summary>Parses and prints a script that must have no errors.</summary>
    public static string Print(string text, string fileName = "test.stp", IEnumerable<string>? arguments = null, bool guru = false)
    {
        var (program, diagnostics) = Parse(text, fileName, arguments, guru);
        Assert.True(!diagnostics.HasErrors, "unexpected diagnostics:\n" + Describe(diagnostics));
        return SyntaxPrinter.Print(program.Script);
    }

    /// <summary>The diagnostics as the command prints them, to paste into a test.</summary>
    public static string Describe(DiagnosticBag diagnostics)
    {
        var writer = new StringWriter();
        DiagnosticFormatter.Write(writer, diagnostics.Sorted());
        return writer.ToString();
    }

    /// <summary>Whether a corpus file is parsed in guru mode: a tapset file (privileged, as stap's are) or a golden script whose NAME.options has -g.</summary>
    public static bool GoldenGuru(string scriptPath) =>
        Path.GetFullPath(scriptPath).StartsWith(Repository.Tapsets, StringComparison.Ordinal)
        || TestPipeline.GoldenOptions(scriptPath).Contains("-g");

    public static IReadOnlyList<string> GoldenArguments(string scriptPath)
    {
        var argumentsFile = Path.ChangeExtension(scriptPath, ".args");
        return File.Exists(argumentsFile) ? File.ReadAllLines(argumentsFile) : [];
    }
}
