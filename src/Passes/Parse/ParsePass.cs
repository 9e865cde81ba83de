using System.Collections.Immutable;
using System.Text;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

/// <summary>
/// Pass 1: reads the tapset library's `.stpm` macro files (their macros are visible
/// everywhere), indexes its `.stp` files by the names they declare, and parses the
/// user's script. A library file is parsed later, when elaboration first needs a name
/// it declares; a failed script parse leaves an empty tree that the runner never passes on.
/// </summary>
public sealed class ParsePass : IPass<ScriptInput, ParsedProgram>
{
    public PassInfo Info { get; } = new(1, PassNames.Parse);

    public ParsedProgram Run(ScriptInput input, PassContext context)
    {
        var options = context.Options;
        // As in stap, the library sees the script's arguments too (argv.stp reads them).
        var environment = new PreprocessorEnvironment(options.Target, options.GuruMode, options.ScriptArguments);

        var files = TapsetFiles.Find(options.LibraryDirectories, context.Diagnostics);
        var libraryMacros = new MacroTable();
        foreach (var macroFile in files.MacroFiles)
            ScriptParser.DefineMacros(macroFile, environment, libraryMacros, context.Diagnostics);
        var library = files.ScriptFiles
            .Select(file => TapsetFile.Create(file, environment, libraryMacros, context.Diagnostics))
            .ToImmutableArray();

        var script = ScriptParser.Parse(input.Script, environment, new MacroTable(libraryMacros), context.Diagnostics, userScript: true);
        var bytes = Encoding.UTF8.GetByteCount(input.Script.Text)
            + files.MacroFiles.Concat(files.ScriptFiles).Sum(file => (long)Encoding.UTF8.GetByteCount(file.Text));
        return new ParsedProgram(script ?? new ScriptSyntax(input.Script, [], 0), new TapsetLibrary(library, files.MacroFiles.Length), bytes);
    }
}
