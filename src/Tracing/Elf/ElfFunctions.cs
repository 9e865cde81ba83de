using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace Tapline.Tracing.Elf;

/// <summary>
/// The functions an executable or shared library defines, from its symbol table (`.symtab`,
/// or `.dynsym` when the file is stripped), each with the file offset of its entry, found
/// through the loadable segment that maps its address.
/// </summary>
public static class ElfFunctions
{
    /// <summary>Whether the file has lost its full symbol table (`.symtab`), so only its exported functions are known.</summary>
    public static bool IsStripped(string path)
    {
        if (!ELFReader.TryLoad<ulong>(path, out var elf))
            return false;
        using (elf)
            return !elf.Sections.Any(s => s.Name == ".symtab");
    }

    /// <summary>Where address <paramref name="address"/> is in the file, through the loadable segment that maps it; null when none does.</summary>
    public static ulong? FileOffsetOf(string path, ulong address)
    {
        if (!ELFReader.TryLoad<ulong>(path, out var elf))
            throw new InvalidDataException($"'{path}' is not a 64-bit ELF file");
        using (elf)
        {
            return elf.Segments.FirstOrDefault(s => s.Type == SegmentType.Load && address >= s.Address && address < s.Address + (ulong)s.Size) is { } segment
                ? address - segment.Address + (ulong)segment.Offset
                : null;
        }
    }

    public static IReadOnlyList<ElfFunction> Read(string path)
    {
        if (!ELFReader.TryLoad<ulong>(path, out var elf))
            throw new InvalidDataException($"'{path}' is not a 64-bit ELF file");
        using (elf)
        {
            var loads = elf.Segments.Where(s => s.Type == SegmentType.Load).ToList();
            var tables = elf.Sections.OfType<ISymbolTable>().OrderBy(t => t.Name == ".symtab" ? 0 : 1);
            var functions = new Dictionary<string, ElfFunction>(StringComparer.Ordinal);
            using var file = File.OpenRead(path);
            foreach (var entry in tables.SelectMany(t => t.Entries).OfType<SymbolEntry<ulong>>())
            {
                if (entry.Type != SymbolType.Function || entry.Value == 0 || entry.Name.Length == 0 || functions.ContainsKey(entry.Name))
                    continue;
                if (loads.FirstOrDefault(s => entry.Value >= s.Address && entry.Value < s.Address + (ulong)s.Size) is { } segment)
                {
                    var offset = entry.Value - segment.Address + (ulong)segment.Offset;
                    file.Position = (long)offset;
                    functions[entry.Name] = new ElfFunction(entry.Name, entry.Value, entry.Size, offset, (byte)Math.Max(0, file.ReadByte()));
                }
            }
            return [.. functions.Values.OrderBy(f => f.Address)];
        }
    }
}
