using Antlr4.Runtime;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

internal sealed partial class SyntaxBuilder
{
    private LiteralExpressionSyntax BuildLiteral(IToken? text, IToken? number, bool negative, SourceSpan span)
    {
        if (text is not null)
            return BuildString(text);
        var value = ParseNumber(number!, negative);
        var written = (negative ? "-" : "") + number!.Text;
        // A negative literal (an initializer, a probe point's argument) stops at -2^63, as in stap.
        if (negative && NumberLiteral.TryRead(number.Text, out var magnitude, out _) == NumberLiteral.Reading.Valid && magnitude > 1UL << 63)
            diagnostics.ReportNumberOutOfRange(span, written);
        return Node(new NumberLiteralSyntax(span, value, written));
    }

    /// <summary>A string literal's value; the lexer has already reported a bad escape.</summary>
    private StringLiteralSyntax BuildString(IToken token)
    {
        StringLiteral.TryUnescape(token.Text[1..^1], out var value, out _, out _);
        return Node(new StringLiteralSyntax(Span(token), value));
    }

    /// <summary>
    /// A number literal's value. The lexer has already reported malformed literals and ones
    /// beyond 64 bits; any 64-bit literal wraps to a signed long, as stap's do, decimal ones
    /// too (18446744073709551615 is -1, 9223372036854775808 is -9223372036854775808).
    /// </summary>
    private static long ParseNumber(IToken token, bool negate)
    {
        if (NumberLiteral.TryRead(token.Text, out var magnitude, out _) != NumberLiteral.Reading.Valid)
            return 0;
        var bits = unchecked((long)magnitude);
        return negate ? unchecked(-bits) : bits;
    }
}
