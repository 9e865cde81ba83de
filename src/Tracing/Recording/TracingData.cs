using System.Buffers.Binary;
using System.Text;
using Tapline.Tracing.Catalog;

namespace Tapline.Tracing.Recording;

/// <summary>
/// The tracing-data feature of a perf.data file: the formats of the recorded tracepoints as
/// the recording machine's tracefs gave them (header pages, ftrace's own formats, then the
/// event formats by system, then kallsyms, printk formats and saved command lines).
/// </summary>
public static class TracingData
{
    private static readonly byte[] Magic = [0x17, 0x08, 0x44, (byte)'t', (byte)'r', (byte)'a', (byte)'c', (byte)'i', (byte)'n', (byte)'g'];

    public static IReadOnlyList<TracepointFormat> ReadFormats(ReadOnlySpan<byte> section)
    {
        var reader = new SectionReader(section);
        if (!reader.Take(Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("the tracing data does not start with its magic");
        var version = reader.CString();
        if (reader.Byte() != 0)
            throw new InvalidDataException("the recording is big-endian; Tapline reads little-endian recordings only");
        reader.Byte(); // sizeof(long)
        reader.U32(); // page size
        reader.Expect("header_page");
        reader.Take(checked((int)reader.U64()));
        reader.Expect("header_event");
        reader.Take(checked((int)reader.U64()));

        var ftraceCount = reader.U32();
        for (var i = 0; i < ftraceCount; i++)
            reader.Take(checked((int)reader.U64()));

        var formats = new List<TracepointFormat>();
        var systemCount = reader.U32();
        for (var s = 0; s < systemCount; s++)
        {
            var system = reader.CString();
            var eventCount = reader.U32();
            for (var e = 0; e < eventCount; e++)
            {
                var text = Encoding.UTF8.GetString(reader.Take(checked((int)reader.U64())));
                formats.Add(FormatParser.Parse(system, text)
                    ?? throw new InvalidDataException($"an event format of system '{system}' in the tracing data (version {version}) cannot be read"));
            }
        }
        return formats;
    }

    private ref struct SectionReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || _position + count > _bytes.Length)
                throw new InvalidDataException($"the tracing data ends at byte {_bytes.Length}, inside a {count}-byte item at {_position}");
            var slice = _bytes.Slice(_position, count);
            _position += count;
            return slice;
        }

        public byte Byte() => Take(1)[0];

        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public string CString()
        {
            var end = _bytes[_position..].IndexOf((byte)0);
            if (end < 0)
                throw new InvalidDataException($"the tracing data has an unterminated name at byte {_position}");
            var text = Encoding.UTF8.GetString(_bytes.Slice(_position, end));
            _position += end + 1;
            return text;
        }

        public void Expect(string name)
        {
            if (CString() != name)
                throw new InvalidDataException($"the tracing data lacks its '{name}' part");
        }
    }
}
