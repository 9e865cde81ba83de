namespace Tapline.Passes.Binding;

/// <summary>
/// The conversions of a SystemTap printf format, in order: the type each one takes.
/// `%*d` takes a width first; `%%` takes nothing.
/// </summary>
public static class PrintfFormat
{
    private const string Flags = "-+ #0";

    /// <summary>The argument types the format takes, or null and a reason when it is malformed.</summary>
    public static IReadOnlyList<ScriptType>? ArgumentTypes(string format, out string? problem)
    {
        var types = new List<ScriptType>();
        problem = null;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
                continue;
            i++;
            if (i < format.Length && format[i] == '%')
                continue;
            while (i < format.Length && Flags.Contains(format[i]))
                i++;
            if (i < format.Length && format[i] == '*')
            {
                types.Add(ScriptType.Long);
                i++;
            }
            while (i < format.Length && char.IsAsciiDigit(format[i]))
                i++;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                if (i < format.Length && format[i] == '*')
                {
                    types.Add(ScriptType.Long);
                    i++;
                }
                while (i < format.Length && char.IsAsciiDigit(format[i]))
                    i++;
            }
            while (i < format.Length && format[i] is 'l' or 'h')
                i++;
            if (i >= format.Length)
            {
                problem = "the format ends inside a conversion";
                return null;
            }
            var type = format[i] switch
            {
                // %m and %M take the address of the memory they would show.
                'd' or 'i' or 'u' or 'x' or 'X' or 'o' or 'c' or 'p' or 'b' or 'm' or 'M' => ScriptType.Long,
                's' => ScriptType.String,
                _ => ScriptType.Unknown,
            };
            if (type == ScriptType.Unknown)
            {
                problem = $"'%{format[i]}' is not a conversion SystemTap knows";
                return null;
            }
            types.Add(type);
        }
        return types;
    }
}
