namespace Tapline.Runtime;

/// <summary>
/// A printf format, parsed once: literal text and conversions in order. Pass 2 checks
/// scripts' formats with it, and the run-time formatter formats with it.
/// </summary>
public sealed record FormatSpec(IReadOnlyList<FormatPart> Parts)
{
    private const string FlagCharacters = "-+ #0";
    private const string Kinds = "diuxXocspbmM";

    public static FormatSpec Parse(string format)
    {
        var parts = new List<FormatPart>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                literal.Append(format[i]);
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                literal.Append('%');
                i++;
                continue;
            }
            if (literal.Length > 0)
            {
                parts.Add(new FormatPart(literal.ToString(), null));
                literal.Clear();
            }
            i++;
            var flags = "";
            while (i < format.Length && FlagCharacters.Contains(format[i]))
                flags += format[i++];
            var (width, widthFromArgument) = ReadCount(format, ref i);
            var (precision, precisionFromArgument) = (-1, false);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                (precision, precisionFromArgument) = ReadCount(format, ref i);
                if (precision < 0 && !precisionFromArgument)
                    precision = 0;
            }
            while (i < format.Length && format[i] is 'l' or 'h')
                i++;
            if (i >= format.Length)
                throw new ScriptRuntimeException("the format ends inside a conversion");
            if (!Kinds.Contains(format[i]))
                throw new ScriptRuntimeException($"'%{format[i]}' is not a conversion SystemTap knows");
            parts.Add(new FormatPart(null, new Conversion(flags, width, widthFromArgument, precision, precisionFromArgument, format[i])));
        }
        if (literal.Length > 0)
            parts.Add(new FormatPart(literal.ToString(), null));
        return new FormatSpec(parts);
    }

    /// <summary>Digits, `*` (taken from the arguments), or nothing (-1).</summary>
    private static (int Count, bool FromArgument) ReadCount(string format, ref int i)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return (-1, true);
        }
        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
            i++;
        return (i > start ? int.Parse(format.AsSpan(start, i - start)) : -1, false);
    }
}

public sealed record FormatPart(string? Literal, Conversion? Conversion);

/// <param name="Width">-1 when none is given.</param>
/// <param name="Precision">-1 when none is given.</param>
public sealed record Conversion(string Flags, int Width, bool WidthFromArgument, int Precision, bool PrecisionFromArgument, char Kind)
{
    /// <summary>Whether the value converted is a string (`%s`); every other conversion takes a number.</summary>
    public bool TakesString => Kind == 's';
}
