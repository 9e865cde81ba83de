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
        catch (UserMemoryFaultException)
        {
            return fallback;
        }
    }

    /// <summary>`user_string_quoted`: the string as `string_quoted` gives it; the address in hex (`0x0`) when it cannot be read.</summary>
    public static string UserStringQuoted(ProbeContext context, long address)
    {
        try
        {
            return Strings.Quote(context.ReadUserString(address), context.Limits.MaxStringLength);
        }
        catch (UserMemoryFaultException)
        {
            return Hex(address);
        }
    }

    /// <summary>`user_string_n`: the string, cut to at most <paramref name="length"/> bytes.</summary>
    public static string UserStringN(ProbeContext context, long address, long length) =>
        Cut(context.ReadUserString(address), length);

    /// <summary>`user_string_n_quoted(addr, n)`: at most <paramref name="length"/> bytes, as `string_quoted` gives them.</summary>
    public static string UserStringNQuoted(ProbeContext context, long address, long length) =>
        UserStringNQuoted(context, address, length, context.Limits.MaxStringLength);

    /// <summary>
    /// `user_string_n_quoted(addr, inlen, outlen)`: at most <paramref name="inLength"/> bytes read,
    /// quoted; cut to <paramref name="outLength"/> - 4 bytes and `"...` when longer than
    /// <paramref name="outLength"/> - 2; the address in hex when it cannot be read.
    /// </summary>
    public static string UserStringNQuoted(ProbeContext context, long address, long inLength, long outLength)
    {
        string quoted;
        try
        {
            quoted = Strings.Quote(Cut(context.ReadUserString(address), inLength), context.Limits.MaxStringLength);
        }
        catch (UserMemoryFaultException)
        {
            return Hex(address);
        }
        return quoted.Length > outLength - 2 ? Strings.Substring(quoted, 0, outLength - 4) + "\"..." : quoted;
    }

    private static string Hex(long address) => "0x" + address.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private static string Cut(string text, long length) => Strings.Truncate(text, (int)Math.Clamp(length, 0, int.MaxValue));
}
