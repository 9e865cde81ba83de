using Tapline.Grammar.Generated;

namespace Tapline.Passes.Parse;

/// <summary>
/// Adjacent string literals are one literal, as in stap (and C): `"foo " "bar"` is `"foo bar"`
/// wherever a literal may stand, across lines and comments, which the lexer has already dropped.
/// Done on the preprocessed tokens, so literals from macros and script arguments join too.
/// </summary>
internal static class AdjacentStrings
{
    public static List<SourceToken> Join(List<SourceToken> tokens)
    {
        var joined = new List<SourceToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Type == StapLexer.STRING && joined.Count > 0 && joined[^1] is { Type: StapLexer.STRING } previous)
            {
                // The joined literal spans both when they are of one file; else (a macro's) the first.
                var sameFile = ReferenceEquals(previous.Source, token.Source) && previous.StartIndex <= token.StartIndex;
                joined[^1] = new SourceToken(previous.Source, previous)
                {
                    Text = previous.Text[..^1] + token.Text[1..],
                    StopIndex = sameFile ? token.StopIndex : previous.StopIndex,
                };
                continue;
            }
            joined.Add(token);
        }
        return joined;
    }
}
