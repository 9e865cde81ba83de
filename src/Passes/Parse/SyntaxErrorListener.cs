using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Parse;

/// <summary>
/// Turns ANTLR's syntax errors into positioned diagnostics in the project's own words. As
/// stap's parser skips to the next declaration after an error, only the first error of each
/// declaration is shown: the parser's recovery within it makes the others cascades.
/// </summary>
internal sealed class SyntaxErrorListener(DiagnosticBag diagnostics) : BaseErrorListener
{
    private const int MaxExpectedShown = 4;

    private int _lastErrorToken = -1;

    public int ErrorCount { get; private set; }

    public override void SyntaxError(
        TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e)
    {
        ErrorCount++;
        var cascade = _lastErrorToken >= 0 && !DeclarationBetween(((Parser)recognizer).TokenStream, _lastErrorToken, offendingSymbol.TokenIndex);
        _lastErrorToken = Math.Max(_lastErrorToken, offendingSymbol.TokenIndex);
        if (cascade)
            return;
        var token = (SourceToken)offendingSymbol;
        var found = token.Type == TokenConstants.EOF ? "end of file" : $"'{token.Text}'";
        var expected = ((Parser)recognizer).GetExpectedTokens();
        diagnostics.ReportUnexpectedToken(token.Span, found, Describe(expected, recognizer.Vocabulary));
    }

    /// <summary>Whether a declaration (`probe`, `function`, `global`, `private`) begins after token <paramref name="from"/>, up to <paramref name="to"/>.</summary>
    private static bool DeclarationBetween(ITokenStream tokens, int from, int to)
    {
        for (var i = from + 1; i <= to && i < tokens.Size; i++)
        {
            if (tokens.Get(i).Type is StapLexer.PROBE or StapLexer.FUNCTION or StapLexer.GLOBAL or StapLexer.PRIVATE)
                return true;
        }
        return false;
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
