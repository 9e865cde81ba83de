using Antlr4.Runtime;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>Turns a file's text into tokens, reporting (and dropping) the ones that cannot be right.</summary>
internal static class ScriptLexer
{
    public static List<SourceToken> Lex(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new StapLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var tokens = new List<SourceToken>();
        foreach (var token in lexer.GetAllTokens())
        {
            var sourceToken = new SourceToken(source, token);
            switch (token.Type)
            {
                case StapLexer.UNTERMINATED_STRING:
                    diagnostics.ReportUnterminatedString(sourceToken.Span);
                    break;
                case StapLexer.UNTERMINATED_COMMENT:
                    diagnostics.ReportUnterminatedComment(new SourceSpan(source, token.StartIndex, 2));
                    break;
                case StapLexer.UNTERMINATED_EMBEDDED:
                    diagnostics.ReportUnterminatedEmbeddedCode(new SourceSpan(source, token.StartIndex, 2));
                    break;
                case StapLexer.UNKNOWN_CHARACTER:
                    diagnostics.ReportUnknownCharacter(sourceToken.Span, token.Text);
                    break;
                case StapLexer.NUMBER:
                    CheckNumber(sourceToken, diagnostics);
                    tokens.Add(sourceToken);
                    break;
                case StapLexer.STRING:
                    CheckEscapes(sourceToken, diagnostics);
                    tokens.Add(sourceToken);
                    break;
                default:
                    tokens.Add(sourceToken);
                    break;
            }
        }
        return tokens;
    }

    private static void CheckNumber(SourceToken token, DiagnosticBag diagnostics)
    {
        switch (NumberLiteral.TryRead(token.Text, out _, out _))
        {
            case NumberLiteral.Reading.Malformed:
                diagnostics.ReportInvalidNumber(token.Span, token.Text);
                break;
            case NumberLiteral.Reading.TooLarge:
                diagnostics.ReportNumberOutOfRange(token.Span, token.Text);
                break;
        }
    }

    private static void CheckEscapes(SourceToken token, DiagnosticBag diagnostics)
    {
        if (!StringLiteral.TryUnescape(token.Text[1..^1], out _, out var offset, out var escape))
            diagnostics.ReportInvalidEscape(new SourceSpan(token.Source, token.StartIndex + 1 + offset, escape.Length), escape);
    }
}
