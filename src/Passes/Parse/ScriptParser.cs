using Antlr4.Runtime;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// The one facade over ANTLR: lexes a file, preprocesses its tokens, parses them,
/// turns syntax errors into diagnostics and builds Tapline's syntax tree. Nothing
/// outside this folder sees an ANTLR type.
/// </summary>
internal static class ScriptParser
{
    /// <summary>Parses one file; returns null when it has errors (reported into <paramref name="diagnostics"/>).</summary>
    public static ScriptSyntax? Parse(SourceText source, PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics)
    {
        var fileDiagnostics = new DiagnosticBag();
        var tokens = ScriptLexer.Lex(source, fileDiagnostics);
        var preprocessed = new Preprocessor(environment, macros, fileDiagnostics).Run(tokens);
        preprocessed.Add(SourceToken.EndOfFile(source));

        var parser = new StapParser(new CommonTokenStream(new ListTokenSource(preprocessed.ToList<IToken>(), source.FileName)));
        var errors = new SyntaxErrorListener(fileDiagnostics);
        parser.RemoveErrorListeners();
        parser.AddErrorListener(errors);
        var tree = parser.script();

        ScriptSyntax? script = null;
        if (errors.ErrorCount == 0)
            script = new SyntaxBuilder(source, fileDiagnostics).Build(tree);
        diagnostics.AddRange(fileDiagnostics);
        return fileDiagnostics.HasErrors ? null : script;
    }

    /// <summary>Reads the `@define`s of a `.stpm` macro file into <paramref name="macros"/>.</summary>
    public static void DefineMacros(SourceText source, PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics)
    {
        var tokens = ScriptLexer.Lex(source, diagnostics);
        var leftover = new Preprocessor(environment, macros, diagnostics).Run(tokens);
        if (leftover.Count > 0)
            diagnostics.ReportCodeInMacroFile(leftover[0].Span);
    }
}
