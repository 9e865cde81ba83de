using System.Text;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Perf;

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
        var reader = new SpanReader(section, "the tracing data");
        if (!reader.Take(Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("the tracing data does not start with its magic");
        var version = reader.CString();
        if (reader.Byte() != 0)
            throw new InvalidDataException("the recording is big-endian; Tapline reads little-endian recordings only");
        reader.Byte(); // sizeof(long)
        reader.U32(); // page size
        Expect(ref reader, "header_page");
        reader.Take(reader.U64());
        Expect(ref reader, "header_event");
        reader.Take(reader.U64());

        var ftraceCount = reader.U32();
        for (var i = 0; i < ftraceCount; i++)
            reader.Take(reader.U64());

        var formats = new List<TracepointFormat>();
        var systemCount = reader.U32();
        for (var s = 0; s < systemCount; s++)
        {
            var system = reader.CString();
            var eventCount = reader.U32();
            for (var e = 0; e < eventCount; e++)
            {
                var text = Encoding.UTF8.GetString(reader.Take(reader.U64()));
                formats.Add(FormatParser.Parse(system, text)
                    ?? throw new InvalidDataException($"an event format of system '{system}' in the tracing data (version {version}) cannot be read"));
            }
        }
        return formats;
    }

    private static void Expect(ref SpanReader reader, string name)
    {
        if (reader.CString() != name)
            throw new InvalidDataException($"the tracing data lacks its '{name}' part");
    }
}
