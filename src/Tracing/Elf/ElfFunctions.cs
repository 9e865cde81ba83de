using System.Collections.Immutable;
using ELFSharp.ELF.Sections;

namespace Tapline.Tracing.Elf;

/// <summary>
/// The functions an executable or shared library defines, from its symbol table (`.symtab`,
/// or `.dynsym` when the file is stripped), each with the file offset of its entry, found
/// through the loadable segment that maps its address.
/// </summary>
public static class ElfFunctions
{
    /// <summary>Where address <paramref name="address"/> is in the file, through the loadable segment that maps it; null when none does.</summary>
    public static ulong? FileOffsetOf(string path, ulong address)
    {
        using var elf = ElfFile.Open(path);
        return ElfFile.FileOffsets(elf)(address);
    }

    public static ElfSymbols Read(string path)
    {
        using var elf = ElfFile.Open(path);
        var fileOffset = ElfFile.FileOffsets(elf);
        var tables = elf.Sections.OfType<ISymbolTable>().OrderBy(t => t.Name == ".symtab" ? 0 : 1);
        var functions = new Dictionary<string, ElfFunction>(StringComparer.Ordinal);
        using var file = File.OpenRead(path);
        foreach (var entry in tables.SelectMany(t => t.Entries).OfType<SymbolEntry<ulong>>())
        {
            if (entry.Type != SymbolType.Function || entry.Value == 0 || entry.Name.Length == 0 || functions.ContainsKey(entry.Name))
                continue;
            if (fileOffset(entry.Value) is { } offset)
            {
                file.Position = (long)offset;
                functions[entry.Name] = new ElfFunction(entry.Name, entry.Value, entry.Size, offset, (byte)Math.Max(0, file.ReadByte()));
            }
        }
        return new ElfSymbols([.. functions.Values.OrderBy(f => f.Address)], Stripped: !elf.Sections.Any(s => s.Name == ".symtab"));
    }
}

/// <summary>A file's functions, and whether it has lost its full symbol table (`.symtab`), so that only the functions it exports are known.</summary>
public sealed record ElfSymbols(ImmutableArray<ElfFunction> Functions, bool Stripped);
