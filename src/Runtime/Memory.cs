namespace Tapline.Runtime;

/// <summary>`user_string` and friends: text at an address of the traced process.</summary>
public static class Memory
{
    public static string UserString(ProbeContext context, long address) => context.ReadUserString(address);

    /// <summary>`user_string(addr, err_msg)`: <paramref name="fallback"/> in place of the run-time error a fault gives.</summary>
    public static string UserString(ProbeContext context, long address, string fallback)
    {
        try
        {
            return context.ReadUserString(address);
        }
        catch (ScriptRuntimeException)
        {
            return fallback;
        }
    }

    public static string UserStringQuoted(ProbeContext context, long address) =>
        address == 0 ? "NULL" : Strings.Quote(context.ReadUserString(address));

    /// <summary>`user_string_n`: the string, cut to at most <paramref name="length"/> bytes.</summary>
    public static string UserStringN(ProbeContext context, long address, long length) =>
        Cut(context.ReadUserString(address), length);

    /// <summary>`user_string_n_quoted`: at most <paramref name="length"/> bytes, escaped, in quotes, `...` after them when cut.</summary>
    public static string UserStringNQuoted(ProbeContext context, long address, long length)
    {
        if (address == 0)
            return "NULL";
        var text = context.ReadUserString(address);
        var cut = Cut(text, length);
        return Strings.Quote(cut) + (cut.Length < text.Length ? "..." : "");
    }

    private static string Cut(string text, long length) => Strings.Truncate(text, (int)Math.Clamp(length, 0, int.MaxValue));
}
