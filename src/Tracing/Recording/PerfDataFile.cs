using System.Buffers.Binary;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;
using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Recording;

/// <summary>
/// A recording made by `perf record -e TRACEPOINT...`: its events' attributes and ids, the
/// tracepoint formats it carries (the tracing-data feature), its clock reference, and its
/// records. A file written to a pipe (`perf record -o -`) carries the same in records of its
/// own (<see cref="PipeModeReader"/>); compressed records (`perf record -z`) are expanded.
/// </summary>
public sealed class PerfDataFile
{
    private const ulong Magic = 0x32454c4946524550; // "PERFILE2"
    private const int HeaderSize = 104;
    private const int PipeHeaderSize = 16;
    private const int TracingDataFeature = 1;
    internal const int ClockDataFeature = 29;

    private readonly byte[] _bytes;
    private readonly (long Offset, long Size) _data;
    private readonly byte[] _records;

    private PerfDataFile(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
        if (bytes.Length < PipeHeaderSize || U64(0) != Magic)
            throw new InvalidDataException("not a perf.data file (no PERFILE2 header)");
        if (U64(8) == PipeHeaderSize)
        {
            var pipe = PipeModeReader.Read(bytes.AsSpan(PipeHeaderSize));
            (Formats, Streams, WallClockOffset, _records) = (pipe.Formats, pipe.Streams, pipe.WallClockOffset, pipe.Records);
            _data = (0, _records.Length);
            return;
        }
        if (bytes.Length < HeaderSize)
            throw new InvalidDataException("not a perf.data file (its header is cut short)");
        var attributeSize = (long)U64(16);
        var attributes = Section(24);
        _data = Section(40);
        if (_data.Size == 0)
            throw new InvalidDataException("the recording has no data: perf record did not finish writing it");
        var features = ReadFeatureSections();

        Formats = features.TryGetValue(TracingDataFeature, out var tracing)
            ? TracingData.ReadFormats(Slice(tracing))
            : throw new InvalidDataException("the recording has no tracing data (record tracepoints with perf record -e SYSTEM:NAME)");
        if (features.TryGetValue(ClockDataFeature, out var clock))
            WallClockOffset = WallClockOffsetOf(Slice(clock));
        Streams = ReadStreams(attributes, attributeSize);
        (_records, _data) = ExpandCompressed(bytes, _data);
    }

    public string Path { get; }

    /// <summary>The formats of the recorded tracepoints, as the recording machine had them.</summary>
    public IReadOnlyList<TracepointFormat> Formats { get; }

    /// <summary>Every event id in the recording with its sample layout and tracepoint format.</summary>
    public IReadOnlyDictionary<ulong, EventStream> Streams { get; }

    /// <summary>What to add to an event's time to get wall-clock nanoseconds, when the recording says (perf record -k CLOCK_MONOTONIC).</summary>
    public long? WallClockOffset { get; }

    /// <summary>Reads a recording; "-" reads standard input (`perf record -o - ... | tapline --input -`).</summary>
    public static PerfDataFile Open(string path) => new(path == "-" ? "<stdin>" : path, path == "-" ? ReadAll(Console.OpenStandardInput()) : File.ReadAllBytes(path));

    private static byte[] ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The records of the data section with every COMPRESSED record replaced by what it holds;
    /// the file's own bytes when there are none.
    /// </summary>
    private static (byte[] Records, (long Offset, long Size) Data) ExpandCompressed(byte[] bytes, (long Offset, long Size) data)
    {
        MemoryStream? expanded = null;
        using var decompressor = new CompressedRecords();
        foreach (var (offset, length) in RecordsIn(bytes, data.Offset, data.Offset + data.Size))
        {
            var (type, _, _) = PerfRecord.ReadHeader(bytes.AsSpan((int)offset));
            if (PerfRecordType.IsCompressed(type))
            {
                if (expanded is null)
                {
                    expanded = new MemoryStream();
                    expanded.Write(bytes, (int)data.Offset, (int)(offset - data.Offset));
                }
                decompressor.Expand(type, bytes.AsSpan((int)offset + PerfRecord.HeaderSize, length - PerfRecord.HeaderSize), expanded);
            }
            else
                expanded?.Write(bytes, (int)offset, length);
        }
        return expanded is null ? (bytes, data) : (expanded.ToArray(), (0, expanded.Length));
    }

    /// <summary>Every record of the data section, in file order, as (offset, length) of the whole record.</summary>
    public IEnumerable<(long Offset, int Length)> Records() => RecordsIn(_records, _data.Offset, _data.Offset + _data.Size);

    internal static IEnumerable<(long Offset, int Length)> RecordsIn(byte[] bytes, long start, long end)
    {
        var position = start;
        while (position < end)
        {
            if (position + PerfRecord.HeaderSize > end)
                throw new InvalidDataException($"a record header at byte {position} runs past the data section");
            var (_, _, size) = PerfRecord.ReadHeader(bytes.AsSpan((int)position));
            if (size < PerfRecord.HeaderSize || position + size > end)
                throw new InvalidDataException($"the record at byte {position} claims {size} bytes");
            yield return (position, size);
            position += size;
        }
    }

    public PerfRecord RecordAt(long offset, int length)
    {
        var span = _records.AsSpan((int)offset, length);
        var (type, misc, _) = PerfRecord.ReadHeader(span);
        return new PerfRecord(type, misc, span[PerfRecord.HeaderSize..]);
    }

    private Dictionary<ulong, EventStream> ReadStreams((long Offset, long Size) attributes, long attributeSize)
    {
        if (attributeSize < 16 + 64 || attributeSize > 4096 || attributes.Size % attributeSize != 0)
            throw new InvalidDataException($"the attribute section's entries of {attributeSize} bytes do not divide its {attributes.Size}");
        var events = new List<(PerfEventAttribute Attribute, ulong[] Ids)>();
        for (var entry = attributes.Offset; entry < attributes.Offset + attributes.Size; entry += attributeSize)
        {
            var ids = Section(entry + attributeSize - 16);
            var idValues = new ulong[ids.Size / 8];
            for (var i = 0; i < idValues.Length; i++)
                idValues[i] = U64(ids.Offset + i * 8);
            events.Add((PerfEventAttribute.Read(Slice((entry, attributeSize - 16))), idValues));
        }
        return StreamsOf(events, Formats);
    }

    /// <summary>
    /// Every event id with its stream (sample layout, and tracepoint format when it is one), for
    /// the file's attribute section and a pipe's ATTR records alike. The only event may have no
    /// ids: its records then need none, and are found under id 0.
    /// </summary>
    internal static Dictionary<ulong, EventStream> StreamsOf(
        IReadOnlyList<(PerfEventAttribute Attribute, ulong[] Ids)> events, IReadOnlyList<TracepointFormat> formats)
    {
        var formatsById = formats.GroupBy(f => f.Id).ToDictionary(g => (ulong)g.Key, g => new EventFormat(g.First()));
        var streams = new Dictionary<ulong, EventStream>();
        foreach (var (attribute, ids) in events)
        {
            var format = attribute.Type == PerfEventAttribute.TypeTracepoint ? formatsById.GetValueOrDefault(attribute.Config) : null;
            var stream = new EventStream(new SampleLayout(attribute.SampleType), format);
            if (ids.Length == 0 && events.Count > 1)
                throw new InvalidDataException("the recording has several events but no ids to tell their records apart");
            foreach (var id in ids)
                streams[id] = stream;
            if (ids.Length == 0)
                streams[0] = stream;
        }
        return streams;
    }

    /// <summary>The clock-data feature's offset of CLOCK_MONOTONIC to wall-clock time, or null when it is too short.</summary>
    internal static long? WallClockOffsetOf(ReadOnlySpan<byte> clockData) =>
        clockData.Length >= 24
            ? (long)BinaryPrimitives.ReadUInt64LittleEndian(clockData[8..]) - (long)BinaryPrimitives.ReadUInt64LittleEndian(clockData[16..])
            : null;

    private Dictionary<int, (long Offset, long Size)> ReadFeatureSections()
    {
        var features = new Dictionary<int, (long, long)>();
        var table = _data.Offset + _data.Size;
        for (var bit = 0; bit < 256; bit++)
        {
            if ((U64(72 + bit / 64 * 8) & (1UL << (bit % 64))) == 0)
                continue;
            features[bit] = Section(table);
            table += 16;
        }
        return features;
    }

    private (long Offset, long Size) Section(long at)
    {
        var section = ((long)U64(at), (long)U64(at + 8));
        if (section.Item1 < 0 || section.Item2 < 0 || section.Item1 > _bytes.Length || section.Item2 > _bytes.Length - section.Item1)
            throw new InvalidDataException($"a section at byte {section.Item1} of {section.Item2} bytes lies outside the {_bytes.Length}-byte file");
        return section;
    }

    private ReadOnlySpan<byte> Slice((long Offset, long Size) section) => _bytes.AsSpan((int)section.Offset, (int)section.Size);

    private ulong U64(long at) =>
        at >= 0 && at + 8 <= _bytes.Length
            ? BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan((int)at))
            : throw new InvalidDataException($"the file ends before byte {at + 8}");
}
