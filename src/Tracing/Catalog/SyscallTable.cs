using System.Collections.Frozen;
using System.Globalization;

namespace Tapline.Tracing.Catalog;

/// <summary>
/// The system calls of one architecture: number, name (as `__NR_name` spells it) and the
/// name of its `syscalls:sys_enter_*` tracepoint, which differs for a few (`stat` is `newstat`).
/// Read from `syscalls.ARCH.tsv` beside the catalog snapshot.
/// </summary>
public sealed class SyscallTable
{
    private readonly FrozenDictionary<long, SyscallEntry> _byNumber;
    private readonly FrozenDictionary<string, SyscallEntry> _byName;

    public SyscallTable(IEnumerable<SyscallEntry> entries)
    {
        Entries = entries.OrderBy(e => e.Number).ToList();
        _byNumber = Entries.ToFrozenDictionary(e => e.Number);
        _byName = Entries.ToFrozenDictionary(e => e.Name);
    }

    public IReadOnlyList<SyscallEntry> Entries { get; }

    public SyscallEntry? FindByNumber(long number) => _byNumber.GetValueOrDefault(number);

    public SyscallEntry? FindByName(string name) => _byName.GetValueOrDefault(name);

    public static string FileName(string architecture) => $"syscalls.{architecture}.tsv";

    public static SyscallTable Read(string path) => new(File.ReadLines(path)
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(columns => new SyscallEntry(long.Parse(columns[0], CultureInfo.InvariantCulture), columns[1], columns[2])));

    public void Write(string path, string header) =>
        File.WriteAllLines(path, Entries.Select(e => $"{e.Number}\t{e.Name}\t{e.Tracepoint}").Prepend("# " + header));
}

/// <param name="Tracepoint">The tracepoint name without `sys_enter_` (`newstat` for `stat`).</param>
public sealed record SyscallEntry(long Number, string Name, string Tracepoint);
