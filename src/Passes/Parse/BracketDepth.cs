using Tapline.Grammar.Generated;

namespace Tapline.Passes.Parse;

/// <summary>
/// A linear check before the parser: brackets (`(`, `[`, `{`) nested deeper than
/// <see cref="MaxDepth"/> are refused at the first bracket past it. The parser's prediction
/// looks ahead across nested brackets, so very deep ones would cost it far more than linear
/// time before <see cref="NestingLimitedParser"/> could stop it.
/// </summary>
internal static class BracketDepth
{
    public const int MaxDepth = 256;

    public static SourceToken? FirstTooDeep(IEnumerable<SourceToken> tokens)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            switch (token.Type)
            {
                case StapLexer.LPAREN or StapLexer.LBRACKET or StapLexer.LBRACE:
                    if (++depth > MaxDepth)
                        return token;
                    break;
                case StapLexer.RPAREN or StapLexer.RBRACKET or StapLexer.RBRACE:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return null;
    }
}
