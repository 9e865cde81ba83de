namespace Tapline.Runtime;

/// <summary>
/// `register()`, `pointer_arg()` and friends: the probed thread's registers, which a uprobe's
/// record carries as its fields (`ax`, `di`...). The System V x86-64 ABI passes the first six
/// integer arguments in di, si, dx, cx, r8, r9.
/// </summary>
public static class Registers
{
    private static readonly string[] Names =
        ["r15", "r14", "r13", "r12", "bp", "bx", "r11", "r10", "r9", "r8", "ax", "cx", "dx", "si", "di", "orig_ax", "ip", "cs", "flags", "sp", "ss"];

    private static readonly string[] ArgumentRegisters = ["di", "si", "dx", "cx", "r8", "r9"];

    /// <summary>The register argument <paramref name="position"/> (1 to 6) is passed in, or null.</summary>
    public static string? OfArgument(long position) => position is >= 1 and <= 6 ? ArgumentRegisters[(int)position - 1] : null;

    /// <summary>The byte registers by the full register they are the low byte of.</summary>
    private static readonly Dictionary<string, string> LowBytes = new(StringComparer.Ordinal)
    {
        ["al"] = "ax",
        ["bl"] = "bx",
        ["cl"] = "cx",
        ["dl"] = "dx",
        ["sil"] = "si",
        ["dil"] = "di",
        ["bpl"] = "bp",
        ["spl"] = "sp",
    };

    /// <summary>The register a name stands for in any of its spellings (`rax`, `eax`, `ax`, `al`, `rip`, `r8d`), or null.</summary>
    public static string? Canonical(string name)
    {
        var lower = name.ToLowerInvariant();
        if (LowBytes.TryGetValue(lower, out var full))
            return full;
        if (lower.Length >= 2 && lower[0] == 'r' && char.IsAsciiDigit(lower[1]))
            lower = lower.TrimEnd('d', 'w', 'b');
        else if (lower.Length == 3 && lower[0] is 'r' or 'e')
            lower = lower[1..];
        return Array.IndexOf(Names, lower) >= 0 ? lower : null;
    }

    /// <summary>`register(name)`: the register's value, sign-extended from 64 bits.</summary>
    public static long Read(ProbeContext context, string name)
    {
        var register = Canonical(name) ?? throw new ScriptRuntimeException($"register '{name}' is not an x86-64 register");
        return context.HasField(register) ? context.Field(register)
            : throw new ScriptRuntimeException($"probe {context.ProbePoint} has no registers to read '{name}' from: only process(\"PATH\").function probes carry them");
    }

    /// <summary>`pointer_arg(n)`, `long_arg(n)`: the register argument <paramref name="position"/> is passed in.</summary>
    public static long Argument(ProbeContext context, long position) =>
        OfArgument(position) is { } register ? Read(context, register)
            : throw new ScriptRuntimeException($"argument {position} is not passed in a register (the first six are)");
}
