using System.Text;

namespace Tapline.Runtime;

/// <summary>
/// `text_str`, `text_strn` and `string_quoted`, as SystemTap's runtime escapes a string: a
/// well-formed UTF-8 sequence of two to four bytes becomes `\uXXXX` or `\UXXXXXXXX`; printable
/// ASCII stays, except `"` and `\`; the C control escapes (`\n`, `\t`, ...) are used where there
/// is one; any other byte (a control byte, a stray, overlong or surrogate byte) is `\ooo`.
/// The output has a budget of bytes; an escape that does not fit ends it.
/// </summary>
public static class TextEscaper
{
    private const int Ellipsis = 3;

    /// <param name="text">A script string (bytes; see <see cref="ScriptBytes"/>).</param>
    /// <param name="length">The most bytes to give (0, or more than MAXSTRINGLEN - 1: MAXSTRINGLEN - 1).</param>
    /// <param name="quoted">In double quotes, with `...` after them when the text was cut.</param>
    /// <param name="maxStringLength">MAXSTRINGLEN.</param>
    public static string Escape(string text, long length, bool quoted, int maxStringLength = RunLimits.DefaultMaxStringLength)
    {
        var budget = length <= 0 || length > maxStringLength - 1 ? maxStringLength - 1 : (int)length;
        var output = new StringBuilder();
        if (quoted)
        {
            budget = Math.Max(budget, 5) - 2;
            output.Append('"');
        }
        var position = 0;
        var cutFrom = -1;
        var cutLength = 0;
        var stoppedWithMore = false;
        while (position < text.Length && text[position] != '\0')
        {
            if (budget <= 0)
            {
                stoppedWithMore = true;
                break;
            }
            var (escape, consumed) = Next(text, position);
            position += consumed;
            // Remember the first escape that the `...` could cut through, to drop it whole.
            if (cutFrom < 0 && budget - Ellipsis < escape.Length && escape.Length > 1)
                (cutFrom, cutLength) = (output.Length, escape.Length);
            if (budget < escape.Length)
            {
                stoppedWithMore = position < text.Length;
                break;
            }
            output.Append(escape);
            budget -= escape.Length;
        }
        if (!quoted)
            return output.ToString();
        if (!stoppedWithMore)
            return output.Append('"').ToString();
        var cut = output.Length - Ellipsis + budget;
        if (cutFrom >= 0 && cutFrom < cut && cut < cutFrom + cutLength)
            cut = cutFrom;
        output.Length = Math.Max(cut, 1);
        return output.Append("\"...").ToString();
    }

    /// <summary>The escape of the character at <paramref name="position"/> and the bytes it took.</summary>
    private static (string Escape, int Consumed) Next(string text, int position)
    {
        if (Utf8Sequence(text, position) is ({ } codePoint, var bytes))
            return (codePoint <= 0xFFFF ? $"\\u{codePoint:X4}" : $"\\U{codePoint:X8}", bytes);
        var c = text[position];
        var escape = c switch
        {
            '\a' => "\\a",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\v' => "\\v",
            '"' => "\\\"",
            '\\' => "\\\\",
            >= ' ' and < '\x7f' => c.ToString(),
            _ => "\\" + Convert.ToString(c & 0xFF, 8).PadLeft(3, '0'),
        };
        return (escape, 1);
    }

    /// <summary>The code point of a well-formed multibyte UTF-8 sequence at <paramref name="position"/> and its length, or null.</summary>
    private static (int? CodePoint, int Bytes) Utf8Sequence(string text, int position)
    {
        var lead = text[position];
        var (bytes, bits) = lead switch
        {
            >= '\xC0' and <= '\xDF' => (2, lead & 0x1F),
            >= '\xE0' and <= '\xEF' => (3, lead & 0x0F),
            >= '\xF0' and <= '\xF7' => (4, lead & 0x07),
            _ => (0, 0),
        };
        if (bytes == 0 || position + bytes > text.Length)
            return (null, 1);
        var codePoint = bits;
        for (var i = 1; i < bytes; i++)
        {
            var next = text[position + i];
            if ((next & 0xC0) != 0x80 || next > 0xFF)
                return (null, 1);
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        var shortest = bytes switch { 2 => 0x80, 3 => 0x800, _ => 0x10000 };
        var valid = codePoint >= shortest && codePoint <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF;
        return valid ? (codePoint, bytes) : (null, 1);
    }
}
