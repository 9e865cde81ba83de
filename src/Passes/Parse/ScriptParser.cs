using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
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

        var (tree, syntaxErrors) = ParseTokens(preprocessed, source, fileDiagnostics);
        ScriptSyntax? script = null;
        if (syntaxErrors == 0)
            script = new SyntaxBuilder(source, fileDiagnostics).Build(tree);
        diagnostics.AddRange(fileDiagnostics);
        return fileDiagnostics.HasErrors ? null : script;
    }

    /// <summary>
    /// ANTLR's two-stage parse: the fast SLL prediction, which bails out at the first error;
    /// only then the full LL prediction, which decides every input correctly and reports errors.
    /// </summary>
    private static (StapParser.ScriptContext Tree, int SyntaxErrors) ParseTokens(
        List<SourceToken> tokens, SourceText source, DiagnosticBag diagnostics)
    {
        var stream = new CommonTokenStream(new ListTokenSource(tokens.ToList<IToken>(), source.FileName));
        var parser = new StapParser(stream);
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return (parser.script(), 0);
        }
        catch (ParseCanceledException)
        {
            stream.Seek(0);
            parser.Reset();
            var errors = new SyntaxErrorListener(diagnostics);
            parser.AddErrorListener(errors);
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.ErrorHandler = new DefaultErrorStrategy();
            return (parser.script(), errors.ErrorCount);
        }
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
