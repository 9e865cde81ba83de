using System.Collections.Frozen;
using System.Globalization;

namespace Tapline.Runtime;

/// <summary>
/// `syscall_name(nr)`: the x86_64 syscall table that travels with the command
/// (`tapsets/catalog/syscalls.x86_64.tsv`), read on first use.
/// </summary>
public static class Syscalls
{
    private static readonly Lazy<FrozenDictionary<long, string>> Table = new(Read);

    public static string TablePath { get; set; } = Path.Combine(AppContext.BaseDirectory, "tapsets", "catalog", "syscalls.x86_64.tsv");

    public static string Name(long number) =>
        Table.Value.TryGetValue(number, out var name) ? name : $"syscall#{number}";

    private static FrozenDictionary<long, string> Read()
    {
        if (!File.Exists(TablePath))
            throw new ScriptRuntimeException($"syscall_name: the syscall table {TablePath} is missing");
        return File.ReadLines(TablePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToFrozenDictionary(columns => long.Parse(columns[0], CultureInfo.InvariantCulture), columns => columns[1]);
    }
}
