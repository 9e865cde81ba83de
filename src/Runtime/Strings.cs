using System.Globalization;
using System.Text;

namespace Tapline.Runtime;

/// <summary>The string functions of the tapsets, with SystemTap's semantics.</summary>
public static class Strings
{
    /// <summary>Strings are bytes in SystemTap; these count UTF-8 bytes where that differs.</summary>
    public static long Length(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The longest prefix of <paramref name="text"/> of at most <paramref name="maxBytes"/> bytes of UTF-8, cut between characters.</summary>
    public static string Truncate(string text, int maxBytes)
    {
        // No UTF-16 unit takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for 2 units).
        if (text.Length <= maxBytes / 3 || Encoding.UTF8.GetByteCount(text) <= maxBytes)
            return text;
        var bytes = 0;
        var end = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var size = width == 2 ? 4 : text[end] < 0x80 ? 1 : text[end] < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes)
                break;
            bytes += size;
            end += width;
        }
        return text[..end];
    }

    /// <summary>`substr(str, start, length)`: start counts from 0; out-of-range parts are cut, never an error.</summary>
    public static string Substring(string text, long start, long length)
    {
        if (start < 0 || length <= 0 || start >= text.Length)
            return "";
        return text.Substring((int)start, (int)Math.Min(length, text.Length - start));
    }

    public static bool Contains(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    /// <summary>`strtol(str, base)`: the leading number in <paramref name="numberBase"/> (2 to 36, or 0 for C prefixes); 0 when there is none.</summary>
    public static long ToLong(string text, long numberBase)
    {
        var span = text.AsSpan().TrimStart();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        var hexPrefix = span.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (numberBase == 0)
            numberBase = hexPrefix ? 16 : span.Length > 1 && span[0] == '0' ? 8 : 10;
        if (numberBase == 16 && hexPrefix)
            span = span[2..];
        if (numberBase is < 2 or > 36)
            throw new ScriptRuntimeException($"strtol: base {numberBase} is not between 2 and 36");
        long value = 0;
        foreach (var c in span)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= numberBase)
                break;
            value = unchecked(value * numberBase + digit);
        }
        return negative ? unchecked(-value) : value;
    }

    /// <summary>`text_str`: non-printable characters and `"` `\` as C escapes.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                '\r' => escaped.Append("\\r"),
                '\a' => escaped.Append("\\a"),
                '\b' => escaped.Append("\\b"),
                '\f' => escaped.Append("\\f"),
                '\v' => escaped.Append("\\v"),
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                < ' ' or '\x7f' => escaped.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0')),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }

    /// <summary>`str_replace`: every occurrence of <paramref name="search"/> replaced; an empty search replaces nothing.</summary>
    public static string Replace(string text, string search, string replacement) =>
        search.Length == 0 ? text : text.Replace(search, replacement, StringComparison.Ordinal);

    /// <summary>`stringat`: the character at <paramref name="position"/> (from 0), an error outside the string.</summary>
    public static long At(string text, long position) =>
        position >= 0 && position < text.Length
            ? text[(int)position]
            : throw new ScriptRuntimeException($"stringat: position {position} is outside the string (of length {text.Length})");

    /// <summary>
    /// `text_strn`: the text escaped as <see cref="Escape"/> escapes it, at most <paramref name="length"/>
    /// characters in all (an escape is never cut), in double quotes when <paramref name="quoted"/>,
    /// with `...` after the closing quote when the text was cut.
    /// </summary>
    public static string EscapeTruncated(string text, long length, bool quoted)
    {
        var budget = quoted ? length - 2 : length;
        var body = new StringBuilder();
        var cut = false;
        foreach (var c in text)
        {
            var escaped = Escape(c.ToString());
            if (body.Length + escaped.Length > budget)
            {
                cut = true;
                break;
            }
            body.Append(escaped);
        }
        return quoted ? "\"" + body + "\"" + (cut ? "..." : "") : body.ToString();
    }

    /// <summary>`fp_to_string`: a double given as its 64 IEEE 754 bits, with <paramref name="precision"/> decimals.</summary>
    public static string FloatingPoint(long bits, long precision) =>
        BitConverter.Int64BitsToDouble(bits).ToString("F" + Math.Clamp(precision, 0, 99).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>`ppfunc`: the NAME of a `function("NAME@file")` component of the probe point, or "".</summary>
    public static string FunctionOfProbePoint(string point)
    {
        var start = point.IndexOf("function(\"", StringComparison.Ordinal);
        if (start < 0)
            return "";
        start += "function(\"".Length;
        var end = point.IndexOf('"', start);
        var name = end < 0 ? point[start..] : point[start..end];
        var at = name.IndexOf('@');
        return at < 0 ? name : name[..at];
    }

    /// <summary>`string_quoted`: the escaped text in double quotes.</summary>
    public static string Quote(string text) => "\"" + Escape(text) + "\"";

    public static string FromLong(long value) => value.ToString(CultureInfo.InvariantCulture);
}
