using Antlr4.Runtime;
using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
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
                default:
                    tokens.Add(sourceToken);
                    break;
            }
        }
        return tokens;
    }
}
