using System.Globalization;

namespace Tapline.Runtime;

/// <summary>The string functions of the tapsets, with SystemTap's semantics.</summary>
public static class Strings
{
    /// <summary>`strlen`: a string's bytes (see <see cref="ScriptBytes"/>).</summary>
    public static long Length(string text) => text.Length;

    /// <summary>The first <paramref name="maxBytes"/> bytes of <paramref name="text"/>, cut where the limit falls, as stap cuts.</summary>
    public static string Truncate(string text, int maxBytes) => text.Length <= maxBytes ? text : text[..maxBytes];

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

    /// <summary>`text_str`: the string as <see cref="TextEscaper"/> escapes it, at most MAXSTRINGLEN - 1 bytes.</summary>
    public static string Escape(string text, int maxStringLength = RunLimits.DefaultMaxStringLength) =>
        TextEscaper.Escape(text, 0, quoted: false, maxStringLength);

    /// <summary>`str_replace`: every occurrence of <paramref name="search"/> replaced; an empty search replaces nothing.</summary>
    public static string Replace(string text, string search, string replacement) =>
        search.Length == 0 ? text : text.Replace(search, replacement, StringComparison.Ordinal);

    /// <summary>`stringat`: the byte at <paramref name="position"/> (from 0) as a C char, signed; an error outside the string.</summary>
    public static long At(string text, long position) =>
        position >= 0 && position < text.Length
            ? (sbyte)(byte)text[(int)position]
            : throw new ScriptRuntimeException($"stringat: position {position} is outside the string (of length {text.Length})");

    /// <summary>
    /// `text_strn`: the text escaped as <see cref="TextEscaper"/> escapes it, at most
    /// <paramref name="length"/> bytes in all (0: MAXSTRINGLEN - 1), in double quotes when
    /// <paramref name="quoted"/>, with `...` after the closing quote when the text was cut.
    /// </summary>
    public static string EscapeTruncated(string text, long length, bool quoted, int maxStringLength = RunLimits.DefaultMaxStringLength) =>
        TextEscaper.Escape(text, length, quoted, maxStringLength);

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

    /// <summary>`string_quoted`: the escaped text in double quotes, `...` after them when it was cut.</summary>
    public static string Quote(string text, int maxStringLength = RunLimits.DefaultMaxStringLength) =>
        TextEscaper.Escape(text, 0, quoted: true, maxStringLength);

    public static string FromLong(long value) => value.ToString(CultureInfo.InvariantCulture);
}
