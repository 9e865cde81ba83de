using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tapline.Tracing.Elf;

/// <summary>
/// The SDT markers of an ELF file, from its `.note.stapsdt` section (each note: the probe's
/// address, the link-time address of `.stapsdt.base`, the semaphore's address, then provider,
/// name and operand specs as NUL-terminated strings). Addresses are moved by however far
/// `.stapsdt.base` has moved since (prelink), then mapped to file offsets through the segments.
/// </summary>
public static partial class SdtNotes
{
    private const uint StapSdtType = 3;

    public static IReadOnlyList<SdtMarker> Read(string path)
    {
        using (var elf = ElfFile.Open(path))
        {
            var notes = elf.Sections.FirstOrDefault(s => s.Name == ".note.stapsdt");
            if (notes is null)
                return [];
            var baseSection = elf.Sections.OfType<ELFSharp.ELF.Sections.Section<ulong>>().FirstOrDefault(s => s.Name == ".stapsdt.base");
            var fileOffset = ElfFile.FileOffsets(elf);
            var markers = new List<SdtMarker>();
            var bytes = notes.GetContents();
            for (var at = 0; at + 12 <= bytes.Length;)
            {
                var nameSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
                var descriptionSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
                var type = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8));
                var name = at + 12;
                var description = name + Align(nameSize);
                if (description + descriptionSize > bytes.Length)
                    throw new InvalidDataException($"'{path}' has a .note.stapsdt note that runs past its section");
                if (type == StapSdtType && Text(bytes.AsSpan(name, nameSize)) == "stapsdt" && descriptionSize >= 24)
                    markers.Add(Marker(path, bytes.AsSpan(description, descriptionSize), baseSection?.LoadAddress, fileOffset));
                at = description + Align(descriptionSize);
            }
            return markers;
        }
    }

    private static SdtMarker Marker(string path, ReadOnlySpan<byte> description, ulong? baseAddress, Func<ulong, ulong?> fileOffset)
    {
        var address = BinaryPrimitives.ReadUInt64LittleEndian(description);
        var linkedBase = BinaryPrimitives.ReadUInt64LittleEndian(description[8..]);
        var semaphore = BinaryPrimitives.ReadUInt64LittleEndian(description[16..]);
        var shift = baseAddress is { } actual ? actual - linkedBase : 0;
        var strings = Text(description[24..]).Split('\0');
        var (provider, name, arguments) = (strings[0], strings.Length > 1 ? strings[1] : "", strings.Length > 2 ? strings[2] : "");
        var offset = fileOffset(address + shift) ?? throw new InvalidDataException($"marker {provider}:{name} of '{path}' is at an address no segment maps");
        return new SdtMarker(provider, name, address + shift, offset, semaphore == 0 ? null : fileOffset(semaphore + shift),
            [.. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Argument)]);
    }

    /// <summary>`[-]SIZE@OPERAND`: OPERAND is `%reg`, `$constant` or `[displacement](%reg)`.</summary>
    private static SdtArgument Argument(string spec)
    {
        var match = OperandSpec().Match(spec);
        if (!match.Success)
            return new SdtArgument(0, false, "", 0, false, spec); // a symbol's address (`counter(%rip)`), say: no register Tapline knows

        var size = int.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture);
        var signed = match.Groups["sign"].Success;
        if (match.Groups["constant"].Success)
            return new SdtArgument(size, signed, null, long.Parse(match.Groups["constant"].Value, CultureInfo.InvariantCulture), false, spec);
        var register = match.Groups["register"].Value;
        if (!match.Groups["memory"].Success)
            return new SdtArgument(size, signed, register, 0, false, spec);
        var displacement = match.Groups["displacement"].Value;
        return new SdtArgument(size, signed, register, displacement.Length == 0 ? 0 : long.Parse(displacement, CultureInfo.InvariantCulture), true, spec);
    }

    [GeneratedRegex(@"^(?<sign>-)?(?<size>[1248])@(?:\$(?<constant>-?\d+)|%(?<register>[a-z0-9]+)|(?<memory>(?<displacement>-?\d*)\(%(?<register>[a-z0-9]+)\)))$")]
    private static partial Regex OperandSpec();

    private static int Align(int size) => (size + 3) & ~3;

    private static string Text(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.LastIndexOfAnyExcept((byte)0);
        return Encoding.Latin1.GetString(bytes[..(end + 1)]);
    }
}
