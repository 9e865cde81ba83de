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
    /// <summary>
    /// Parses one file; returns null when it has errors (reported into <paramref name="diagnostics"/>).
    /// The user's script must not be empty, and holds embedded code only in guru mode; a tapset file may be empty and hold it.
    /// </summary>
    public static ScriptSyntax? Parse(
        SourceText source, PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics, bool userScript)
    {
        var fileDiagnostics = new DiagnosticBag();
        var tokens = ScriptLexer.Lex(source, fileDiagnostics);
        var preprocessed = AdjacentStrings.Join(new Preprocessor(environment, macros, fileDiagnostics).Run(tokens));
        if (userScript && preprocessed.Count == 0 && !fileDiagnostics.HasErrors)
            fileDiagnostics.ReportEmptyScript(SourceSpan.FromBounds(source, 0, 0), afterPreprocessing: tokens.Count > 0);
        preprocessed.Add(SourceToken.EndOfFile(source));

        if (BracketDepth.FirstTooDeep(preprocessed) is { } tooDeep)
        {
            fileDiagnostics.ReportBracketsTooDeep(tooDeep.Span, BracketDepth.MaxDepth);
            diagnostics.AddRange(fileDiagnostics);
            return null;
        }
        // Tokens the lexer or preprocessor refused are missing from the stream: what the parser
        // then says about the gap is a cascade of the error already reported, so it is not shown.
        var tokensDamaged = fileDiagnostics.HasErrors;
        var (tree, syntaxErrors) = ParseTokens(preprocessed, source, tokensDamaged ? new DiagnosticBag() : fileDiagnostics);
        ScriptSyntax? script = null;
        if (syntaxErrors == 0)
            script = new SyntaxBuilder(source, fileDiagnostics, allowEmbedded: !userScript || environment.GuruMode).Build(tree);
        diagnostics.AddRange(fileDiagnostics);
        return fileDiagnostics.HasErrors ? null : script;
    }

    /// <summary>
    /// Script text Tapline writes itself (the end-of-run display of globals, a provider's alias),
    /// parsed as a library file is, with no macros and the fixed target; null when it has errors.
    /// </summary>
    public static ScriptSyntax? ParseGenerated(string name, string text, DiagnosticBag diagnostics) =>
        Parse(new SourceText(name, text), new PreprocessorEnvironment(Pipeline.TargetDescription.Fixed, GuruMode: false, ScriptArguments: null),
            new MacroTable(), diagnostics, userScript: false);

    /// <summary>
    /// ANTLR's two-stage parse: the fast SLL prediction, which bails out at the first error;
    /// only then the full LL prediction, which decides every input correctly and reports errors.
    /// A script nested past <see cref="NestingLimitedParser.MaxDepth"/> is one error at the
    /// token where it went too deep.
    /// </summary>
    private static (StapParser.ScriptContext Tree, int SyntaxErrors) ParseTokens(
        List<SourceToken> tokens, SourceText source, DiagnosticBag diagnostics)
    {
        var stream = new CommonTokenStream(new ListTokenSource(tokens.ToList<IToken>(), source.FileName));
        var parser = new NestingLimitedParser(stream);
        parser.RemoveErrorListeners();
        try
        {
            return ParseTwoStage(parser, stream, diagnostics);
        }
        catch (NestingTooDeepException tooDeep)
        {
            diagnostics.ReportNestingTooDeep(((SourceToken)tooDeep.Token).Span, NestingLimitedParser.MaxDepth);
            return (new StapParser.ScriptContext(null, 0), 1);
        }
    }

    private static (StapParser.ScriptContext Tree, int SyntaxErrors) ParseTwoStage(
        NestingLimitedParser parser, CommonTokenStream stream, DiagnosticBag diagnostics)
    {
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
