using Antlr4.Runtime;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// An ANTLR token that knows which file it came from, so that tokens of several
/// files (a script, a tapset macro, a script argument) can share one stream.
/// </summary>
internal sealed class SourceToken : CommonToken
{
    public SourceToken(SourceText source, IToken token) : base(token) => Source = source;

    public SourceText Source { get; }

    public SourceSpan Span => SourceSpan.FromBounds(Source, StartIndex, Math.Max(StartIndex, StopIndex + 1));

    /// <summary>A copy at this token's position with another type and text (a substituted script argument).</summary>
    public SourceToken Substitute(int type, string text) => new(Source, this) { Type = type, Text = text };

    public static SourceToken EndOfFile(SourceText source) =>
        new(source, new CommonToken(TokenConstants.EOF, "<EOF>") { StartIndex = source.Length, StopIndex = source.Length - 1 });
}
