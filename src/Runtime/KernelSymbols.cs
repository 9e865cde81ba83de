using System.Globalization;

namespace Tapline.Runtime;

/// <summary>
/// `symname` and `symdata`: kernel addresses named from /proc/kallsyms (its text symbols, read
/// once). A symbol's size is the distance to the next symbol, as kallsyms records no sizes.
/// </summary>
public static class KernelSymbols
{
    private sealed record Symbol(ulong Address, string Name, string? Module);

    private static readonly Lazy<Symbol[]> Table = new(Load);

    /// <summary>The name of the function holding <paramref name="address"/>, or the address as `%p` prints it.</summary>
    public static string Name(long address) =>
        Find((ulong)address) is { } found ? Table.Value[found].Name : Unknown(address);

    /// <summary>`name+0xOFFSET/0xSIZE`, then ` [module]` for a module's symbol; the address as `%p` prints it when unknown.</summary>
    public static string Describe(long address)
    {
        if (Find((ulong)address) is not { } found)
            return Unknown(address);
        var symbols = Table.Value;
        var symbol = symbols[found];
        var size = found + 1 < symbols.Length ? symbols[found + 1].Address - symbol.Address : 0;
        var text = $"{symbol.Name}+0x{(ulong)address - symbol.Address:x}/0x{size:x}";
        return symbol.Module is null ? text : $"{text} [{symbol.Module}]";
    }

    private static string Unknown(long address) => $"0x{(ulong)address:x16}";

    private static int? Find(ulong address)
    {
        var symbols = Table.Value;
        int low = 0, high = symbols.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (symbols[middle].Address <= address)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        // Past the last symbol, or before the first, nothing holds the address.
        return found < 0 || found == symbols.Length - 1 ? null : found;
    }

    private static Symbol[] Load()
    {
        var symbols = new List<Symbol>();
        foreach (var line in File.ReadLines("/proc/kallsyms"))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || fields[1] is not ("T" or "t" or "W" or "w"))
                continue;
            var address = ulong.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var module = fields.Length > 3 ? fields[3].Trim('[', ']') : null;
            symbols.Add(new Symbol(address, fields[2], module));
        }
        if (symbols.Count > 0 && symbols.All(s => s.Address == 0))
            throw new ScriptRuntimeException("kernel symbol addresses are hidden (/proc/kallsyms shows zeros: kernel.kptr_restrict, or not root)");
        // The first name listed at an address is the one kept.
        return [.. symbols.Select((symbol, order) => (symbol, order))
            .OrderBy(s => s.symbol.Address).ThenBy(s => s.order)
            .Select(s => s.symbol)
            .DistinctBy(s => s.Address)];
    }
}
