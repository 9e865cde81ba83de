namespace Tapline.Runtime;

/// <summary>`user_string` and friends: text at an address of the traced process.</summary>
public static class Memory
{
    public static string UserString(ProbeContext context, long address) => context.ReadUserString(address);

    public static string UserStringQuoted(ProbeContext context, long address) =>
        address == 0 ? "NULL" : Strings.Quote(context.ReadUserString(address));
}
