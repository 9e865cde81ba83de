using System.Text;

namespace Tapline.Passes.Syntax;

/// <summary>SystemTap's string literal escapes, in both directions.</summary>
public static class StringLiteral
{
    /// <summary>Quotes a value as a canonical literal: `\" \\ \n \t \r`, other control characters as `\ooo`.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                case < ' ' or '\x7f':
                    text.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    break;
                default: text.Append(c); break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// Decodes the body of a literal (without its quotes). Returns false and the offending
    /// escape when one is not among `\n \t \r \a \b \f \v \\ \" \' \? \ooo \xhh`.
    /// </summary>
    public static bool TryUnescape(string body, out string value, out int badOffset, out string badEscape)
    {
        var text = new StringBuilder(body.Length);
        badOffset = -1;
        badEscape = "";
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                text.Append(body[i]);
                continue;
            }
            var start = i;
            var next = i + 1 < body.Length ? body[i + 1] : '\0';
            i++;
            switch (next)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'v': text.Append('\v'); break;
                case '\\' or '"' or '\'' or '?': text.Append(next); break;
                case >= '0' and <= '7':
                    var octal = 0;
                    var digits = 0;
                    while (digits < 3 && i < body.Length && body[i] is >= '0' and <= '7')
                    {
                        octal = octal * 8 + (body[i] - '0');
                        i++;
                        digits++;
                    }
                    i--;
                    if (octal > 0xff)
                        return Fail(start, body[start..(i + 1)], out value, out badOffset, out badEscape);
                    text.Append((char)octal);
                    break;
                case 'x':
                    var hex = 0;
                    var hexDigits = 0;
                    while (hexDigits < 2 && i + 1 < body.Length && Uri.IsHexDigit(body[i + 1]))
                    {
                        hex = hex * 16 + Convert.ToInt32(body[i + 1].ToString(), 16);
                        i++;
                        hexDigits++;
                    }
                    if (hexDigits == 0)
                        return Fail(start, "\\x", out value, out badOffset, out badEscape);
                    text.Append((char)hex);
                    break;
                default:
                    return Fail(start, next == '\0' ? "\\" : "\\" + next, out value, out badOffset, out badEscape);
            }
        }
        value = text.ToString();
        return true;
    }

    private static bool Fail(int offset, string escape, out string value, out int badOffset, out string badEscape)
    {
        value = "";
        badOffset = offset;
        badEscape = escape;
        return false;
    }
}
