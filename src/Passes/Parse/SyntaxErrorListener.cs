using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Parse;

/// <summary>Turns ANTLR's syntax errors into positioned diagnostics in the project's own words.</summary>
internal sealed class SyntaxErrorListener(DiagnosticBag diagnostics) : BaseErrorListener
{
    private const int MaxExpectedShown = 4;

    public int ErrorCount { get; private set; }

    public override void SyntaxError(
        TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e)
    {
        ErrorCount++;
        var token = (SourceToken)offendingSymbol;
        var found = token.Type == TokenConstants.EOF ? "end of file" : $"'{token.Text}'";
        var expected = ((Parser)recognizer).GetExpectedTokens();
        diagnostics.ReportUnexpectedToken(token.Span, found, Describe(expected, recognizer.Vocabulary));
    }

    private static string? Describe(IntervalSet expected, IVocabulary vocabulary)
    {
        var types = expected.ToList();
        if (types.Count == 0 || types.Count > MaxExpectedShown)
            return null;
        var names = types.Select(t => DisplayName(t, vocabulary)).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    private static string DisplayName(int type, IVocabulary vocabulary) => type switch
    {
        TokenConstants.EOF => "end of file",
        StapLexer.IDENTIFIER => "a name",
        StapLexer.NUMBER => "a number",
        StapLexer.STRING => "a string",
        StapLexer.TARGET => "a context variable",
        StapLexer.AT_NAME => "an @ operator",
        StapLexer.EMBEDDED => "an embedded code block",
        _ => vocabulary.GetLiteralName(type) ?? vocabulary.GetDisplayName(type),
    };
}
