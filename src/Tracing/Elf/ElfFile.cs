using ELFSharp.ELF;
using ELFSharp.ELF.Segments;

namespace Tapline.Tracing.Elf;

/// <summary>A 64-bit ELF file opened through ELFSharp, and where its addresses are in the file.</summary>
internal static class ElfFile
{
    public static ELF<ulong> Open(string path) =>
        ELFReader.TryLoad<ulong>(path, out var elf) ? elf : throw new InvalidDataException($"'{path}' is not a 64-bit ELF file");

    /// <summary>Where each address is in the file, through the loadable segment that maps it; null when none does.</summary>
    public static Func<ulong, ulong?> FileOffsets(ELF<ulong> elf)
    {
        var loads = elf.Segments.Where(s => s.Type == SegmentType.Load).ToList();
        return address => loads.FirstOrDefault(s => address >= s.Address && address < s.Address + (ulong)s.Size) is { } segment
            ? address - segment.Address + (ulong)segment.Offset
            : null;
    }
}
