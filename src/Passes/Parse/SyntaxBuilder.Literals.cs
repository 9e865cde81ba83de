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
        return Node(new NumberLiteralSyntax(span, value, (negative ? "-" : "") + number!.Text));
    }

    private StringLiteralSyntax BuildString(IToken token)
    {
        var body = token.Text[1..^1];
        if (!StringLiteral.TryUnescape(body, out var value, out var offset, out var escape))
        {
            var location = ((SourceToken)token).Span;
            // A substituted @1 has no escapes of its own to point at; report the whole token.
            var inToken = token.Text.Length == location.Length;
            diagnostics.ReportInvalidEscape(inToken ? new SourceSpan(location.Source, location.Start + 1 + offset, escape.Length) : location, escape);
        }
        return Node(new StringLiteralSyntax(Span(token), value));
    }

    /// <summary>
    /// Reads a decimal, octal (leading 0) or hexadecimal (0x) literal. Octal and hexadecimal
    /// literals may use all 64 bits (0xffffffffffffffff is -1); decimal ones fit a signed long.
    /// </summary>
    private long ParseNumber(IToken token, bool negate)
    {
        var text = token.Text;
        var (digits, radix) = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? (text[2..], 16)
            : text.Length > 1 && text[0] == '0' ? (text[1..], 8)
            : (text, 10);
        if (digits.Length == 0 || !digits.All(c => DigitValue(c) < radix))
        {
            diagnostics.ReportInvalidNumber(Span(token), text);
            return 0;
        }

        UInt128 limit = radix != 10 ? ulong.MaxValue : negate ? 1UL << 63 : long.MaxValue;
        UInt128 value = 0;
        foreach (var digit in digits)
        {
            value = value * (uint)radix + (uint)DigitValue(digit);
            if (value > limit)
            {
                diagnostics.ReportNumberOutOfRange(Span(token), (negate ? "-" : "") + text);
                return 0;
            }
        }
        var bits = unchecked((long)(ulong)value);
        return negate ? unchecked(-bits) : bits;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => int.MaxValue,
    };
}
