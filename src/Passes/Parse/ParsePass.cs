using System.Collections.Immutable;
using System.Text;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// Pass 1: parses the user's script and the tapset library. The library's `.stpm`
/// macro files are read first (their macros are visible everywhere), then every
/// `.stp` file, in parallel, with the user's script.
/// </summary>
public sealed class ParsePass : IPass<ScriptInput, ParsedProgram>
{
    public PassInfo Info { get; } = new(1, PassNames.Parse);

    public ParsedProgram Run(ScriptInput input, PassContext context)
    {
        var options = context.Options;
        var libraryEnvironment = new PreprocessorEnvironment(options.Target, options.GuruMode, ScriptArguments: null);
        var scriptEnvironment = libraryEnvironment with { ScriptArguments = options.ScriptArguments };

        var files = TapsetFiles.Find(options.LibraryDirectories, context.Diagnostics);
        var libraryMacros = new MacroTable();
        foreach (var macroFile in files.MacroFiles)
            ScriptParser.DefineMacros(macroFile, libraryEnvironment, libraryMacros, context.Diagnostics);

        var library = new ScriptSyntax?[files.ScriptFiles.Length];
        ScriptSyntax? script = null;
        Parallel.For(-1, files.ScriptFiles.Length, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            if (i < 0)
                script = ScriptParser.Parse(input.Script, scriptEnvironment, new MacroTable(libraryMacros), context.Diagnostics);
            else
                library[i] = ScriptParser.Parse(files.ScriptFiles[i], libraryEnvironment, new MacroTable(libraryMacros), context.Diagnostics);
        });

        var bytes = Encoding.UTF8.GetByteCount(input.Script.Text)
            + files.MacroFiles.Concat(files.ScriptFiles).Sum(file => (long)Encoding.UTF8.GetByteCount(file.Text));
        return new ParsedProgram(
            script ?? Empty(input.Script),
            library.Select((file, i) => file ?? Empty(files.ScriptFiles[i])).ToImmutableArray(),
            files.MacroFiles.Length + files.ScriptFiles.Length,
            bytes);
    }

    /// <summary>Stands for a file that failed to parse; the runner stops before anything reads it.</summary>
    private static ScriptSyntax Empty(SourceText source) => new(source, [], 0);
}
