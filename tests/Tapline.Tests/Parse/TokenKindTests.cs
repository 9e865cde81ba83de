using Tapline.Grammar.Generated;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Parse;
using Tapline.Passes.Text;

namespace Tapline.Tests.Parse;

/// <summary>Every token kind of the lexer has a sample here that lexes to exactly that kind.</summary>
public sealed class TokenKindTests
{
    private static readonly Dictionary<int, string> Samples = new()
    {
        [StapLexer.EMBEDDED] = "%{ code %}",
        [StapLexer.UNTERMINATED_EMBEDDED] = "%{ code",
        [StapLexer.UNTERMINATED_COMMENT] = "/* comment",
        [StapLexer.PP_OPEN] = "%(",
        [StapLexer.PP_THEN] = "%?",
        [StapLexer.PP_ELSE] = "%:",
        [StapLexer.PP_CLOSE] = "%)",
        [StapLexer.PROBE] = "probe",
        [StapLexer.GLOBAL] = "global",
        [StapLexer.PRIVATE] = "private",
        [StapLexer.FUNCTION] = "function",
        [StapLexer.IF] = "if",
        [StapLexer.ELSE] = "else",
        [StapLexer.WHILE] = "while",
        [StapLexer.FOR] = "for",
        [StapLexer.FOREACH] = "foreach",
        [StapLexer.IN] = "in",
        [StapLexer.LIMIT] = "limit",
        [StapLexer.RETURN] = "return",
        [StapLexer.DELETE] = "delete",
        [StapLexer.NEXT] = "next",
        [StapLexer.BREAK] = "break",
        [StapLexer.CONTINUE] = "continue",
        [StapLexer.TRY] = "try",
        [StapLexer.CATCH] = "catch",
        [StapLexer.SCRIPT_ARG] = "$1",
        [StapLexer.TARGET] = "$$parms$",
        [StapLexer.PRETTY_SUFFIX] = "$$",
        [StapLexer.AT_NAME] = "@count",
        [StapLexer.IDENTIFIER] = "execname",
        [StapLexer.NUMBER] = "0x1f",
        [StapLexer.STRING] = "\"a\\\"b\"",
        [StapLexer.UNTERMINATED_STRING] = "\"abc",
        [StapLexer.STAT_ACCUMULATE] = "<<<",
        [StapLexer.SHL_ASSIGN] = "<<=",
        [StapLexer.SHR_ASSIGN] = ">>=",
        [StapLexer.SHL] = "<<",
        [StapLexer.SHR] = ">>",
        [StapLexer.SHRU] = ">>>",
        [StapLexer.LE] = "<=",
        [StapLexer.GE] = ">=",
        [StapLexer.EQ] = "==",
        [StapLexer.NE] = "!=",
        [StapLexer.MATCH] = "=~",
        [StapLexer.NOT_MATCH] = "!~",
        [StapLexer.AND_AND] = "&&",
        [StapLexer.OR_OR] = "||",
        [StapLexer.INCREMENT] = "++",
        [StapLexer.DECREMENT] = "--",
        [StapLexer.ADD_ASSIGN] = "+=",
        [StapLexer.SUB_ASSIGN] = "-=",
        [StapLexer.MUL_ASSIGN] = "*=",
        [StapLexer.DIV_ASSIGN] = "/=",
        [StapLexer.MOD_ASSIGN] = "%=",
        [StapLexer.AND_ASSIGN] = "&=",
        [StapLexer.OR_ASSIGN] = "|=",
        [StapLexer.XOR_ASSIGN] = "^=",
        [StapLexer.CAT_ASSIGN] = ".=",
        [StapLexer.ARROW] = "->",
        [StapLexer.ASSIGN] = "=",
        [StapLexer.PLUS] = "+",
        [StapLexer.MINUS] = "-",
        [StapLexer.STAR] = "*",
        [StapLexer.SLASH] = "/",
        [StapLexer.PERCENT] = "%",
        [StapLexer.LT] = "<",
        [StapLexer.GT] = ">",
        [StapLexer.BANG] = "!",
        [StapLexer.TILDE] = "~",
        [StapLexer.AMP] = "&",
        [StapLexer.PIPE] = "|",
        [StapLexer.CARET] = "^",
        [StapLexer.DOT] = ".",
        [StapLexer.COMMA] = ",",
        [StapLexer.SEMICOLON] = ";",
        [StapLexer.COLON] = ":",
        [StapLexer.QUESTION] = "?",
        [StapLexer.LPAREN] = "(",
        [StapLexer.RPAREN] = ")",
        [StapLexer.LBRACKET] = "[",
        [StapLexer.RBRACKET] = "]",
        [StapLexer.LBRACE] = "{",
        [StapLexer.RBRACE] = "}",
        [StapLexer.UNKNOWN_CHARACTER] = "`",
    };

    /// <summary>Kinds the lexer skips: they never reach the token stream.</summary>
    private static readonly Dictionary<int, string> Skipped = new()
    {
        [StapLexer.HASH_COMMENT] = "# comment",
        [StapLexer.LINE_COMMENT] = "// comment",
        [StapLexer.BLOCK_COMMENT] = "/* comment */",
        [StapLexer.WHITESPACE] = " \t\r\n",
    };

    [Fact]
    public void Lexer_EveryTokenKind_HasASample()
    {
        var untested = Enumerable.Range(1, ((Antlr4.Runtime.Vocabulary)StapLexer.DefaultVocabulary).getMaxTokenType())
            .Where(t => !Samples.ContainsKey(t) && !Skipped.ContainsKey(t))
            .Select(t => StapLexer.DefaultVocabulary.GetSymbolicName(t))
            .ToList();
        Assert.True(untested.Count == 0, "token kinds without a sample: " + string.Join(", ", untested));
    }

    [Fact]
    public void Lexer_EachSample_LexesToItsKind()
    {
        foreach (var (kind, text) in Samples)
        {
            var lexer = new StapLexer(new Antlr4.Runtime.AntlrInputStream(text));
            var tokens = lexer.GetAllTokens();
            var name = StapLexer.DefaultVocabulary.GetSymbolicName(kind);
            Assert.True(tokens.Count == 1 && tokens[0].Type == kind,
                $"'{text}' should lex to {name} alone, got {string.Join(" ", tokens.Select(t => StapLexer.DefaultVocabulary.GetSymbolicName(t.Type)))}");
        }
    }

    [Fact]
    public void Lexer_SkippedSamples_LeaveNoToken()
    {
        foreach (var text in Skipped.Values)
            Assert.Empty(ScriptLexer.Lex(new SourceText("t.stp", text), new DiagnosticBag()));
    }

    [Theory]
    [InlineData("%{ a %% b %}", "%{ a %% b %}")]
    [InlineData("%{ 100%}", "%{ 100%}")]
    [InlineData("/* a ** b */x", "x")]
    [InlineData("/***/x", "x")]
    public void Lexer_CommentsAndEmbeddedBlocks_EndAtTheirFirstClosingMark(string text, string firstToken)
    {
        var tokens = ScriptLexer.Lex(new SourceText("t.stp", text), new DiagnosticBag());
        Assert.Equal(firstToken, tokens[0].Text);
    }
}
