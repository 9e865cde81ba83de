using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Tapline.Runtime;

/// <summary>
/// SystemTap's printf: `%d %i %u %x %X %o %c %s %p %b %%` with the flags `- + space # 0`,
/// a width and a precision (either may be `*`), on 64-bit values. `%p` is `0x` and 16 hex
/// digits unless a width is given; `%b` writes the value's bytes (width 1, 2, 4 or 8).
/// As in stap's runtime, `#` escapes `%s` and `%c` (as string_quoted does, without the quotes)
/// and prefixes `%x` with 0x and `%o` with 0 whatever the value, 0 too (`0x0`).
/// `%m` and `%M` would read kernel memory, which Tapline cannot: they are run-time errors.
/// </summary>
public static class Printf
{
    private static readonly ConcurrentDictionary<string, FormatSpec> Parsed = new();

    public static string Format(string format, params object[] arguments)
    {
        var spec = Parsed.GetOrAdd(format, FormatSpec.Parse);
        var text = new StringBuilder();
        var next = 0;
        foreach (var part in spec.Parts)
        {
            if (part.Literal is { } literal)
            {
                text.Append(literal);
                continue;
            }
            var conversion = part.Conversion!;
            var width = conversion.Width;
            var leftJustify = conversion.Flags.Contains('-');
            if (conversion.WidthFromArgument)
            {
                width = (int)Take<long>(arguments, ref next, format);
                if (width < 0)
                {
                    leftJustify = true;
                    width = -width;
                }
            }
            var precision = conversion.PrecisionFromArgument ? (int)Take<long>(arguments, ref next, format) : conversion.Precision;
            var body = conversion.Kind switch
            {
                's' => Escaped(conversion, StringBody(Take<string>(arguments, ref next, format), precision)),
                'c' => Escaped(conversion, ((char)(byte)Take<long>(arguments, ref next, format)).ToString()),
                'b' => BinaryBody(Take<long>(arguments, ref next, format), width),
                'm' or 'M' => throw new ScriptRuntimeException($"%{conversion.Kind} reads kernel memory, which Tapline cannot read"),
                _ => null,
            };
            if (body is not null)
            {
                text.Append(conversion.Kind == 'b' ? body : Pad(body, width, leftJustify));
                continue;
            }
            text.Append(Number(conversion, Take<long>(arguments, ref next, format), width, precision, leftJustify));
        }
        if (next < arguments.Length)
            throw new ScriptRuntimeException($"printf: the format \"{format}\" takes {next} value(s), but {arguments.Length} were given");
        return text.ToString();
    }

    private static T Take<T>(object[] arguments, ref int next, string format)
    {
        if (next >= arguments.Length)
            throw new ScriptRuntimeException($"printf: the format \"{format}\" needs more than {arguments.Length} value(s)");
        return arguments[next++] is T value
            ? value
            : throw new ScriptRuntimeException($"printf: value {next} for \"{format}\" is not a {(typeof(T) == typeof(long) ? "number" : "string")}");
    }

    private static string Escaped(Conversion conversion, string body) =>
        conversion.Flags.Contains('#') ? Strings.Escape(body) : body;

    private static string StringBody(string value, int precision) =>
        precision >= 0 && precision < value.Length ? value[..precision] : value;

    /// <summary>The value's low bytes, least significant first, as characters 0-255.</summary>
    private static string BinaryBody(long value, int width)
    {
        var size = width is 1 or 2 or 4 ? width : 8;
        var bytes = new char[size];
        for (var i = 0; i < size; i++)
            bytes[i] = (char)(byte)(value >> (8 * i));
        return new string(bytes);
    }

    private static string Number(Conversion conversion, long value, int width, int precision, bool leftJustify)
    {
        var flags = conversion.Flags;
        var kind = conversion.Kind;
        var unsigned = unchecked((ulong)value);
        string digits;
        var sign = "";
        var prefix = "";
        switch (kind)
        {
            case 'd' or 'i':
                digits = value < 0 ? (0UL - unsigned).ToString(CultureInfo.InvariantCulture) : unsigned.ToString(CultureInfo.InvariantCulture);
                sign = value < 0 ? "-" : flags.Contains('+') ? "+" : flags.Contains(' ') ? " " : "";
                break;
            case 'u':
                digits = unsigned.ToString(CultureInfo.InvariantCulture);
                break;
            case 'x' or 'X' or 'p':
                digits = unsigned.ToString(kind == 'X' ? "X" : "x", CultureInfo.InvariantCulture);
                if (kind == 'p' || flags.Contains('#'))
                    prefix = kind == 'X' ? "0X" : "0x";
                if (kind == 'p' && width < 0)
                {
                    width = 18;
                    flags += "0";
                }
                break;
            default:
                digits = Convert.ToString(value, 8);
                if (flags.Contains('#'))
                    prefix = "0";
                break;
        }
        if (precision >= 0)
            digits = precision == 0 && value == 0 ? "" : digits.PadLeft(precision, '0');
        var text = sign + prefix + digits;
        if (width <= text.Length)
            return text;
        if (leftJustify)
            return text.PadRight(width);
        if (flags.Contains('0') && precision < 0)
            return sign + prefix + digits.PadLeft(width - sign.Length - prefix.Length, '0');
        return text.PadLeft(width);
    }

    private static string Pad(string body, int width, bool leftJustify) =>
        width <= body.Length ? body : leftJustify ? body.PadRight(width) : body.PadLeft(width);
}
