using System.Buffers.Binary;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;
using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Recording;

/// <summary>
/// A recording written to a pipe (`perf record -o -`): after a 16-byte header, everything the
/// file form keeps in sections comes as records: HEADER_ATTR (an event's attribute and ids),
/// HEADER_TRACING_DATA (followed by the tracing data itself), HEADER_FEATURE (the clock data
/// among them); the other records are the data, collected here in order.
/// </summary>
internal static class PipeModeReader
{
    private const uint HeaderAttr = 64;
    private const uint HeaderTracingData = 66;
    private const uint HeaderFeature = 80;

    public sealed record Contents(
        IReadOnlyList<TracepointFormat> Formats, IReadOnlyDictionary<ulong, EventStream> Streams, long? WallClockOffset, byte[] Records);

    public static Contents Read(ReadOnlySpan<byte> stream)
    {
        var attributes = new List<(PerfEventAttribute Attribute, ulong[] Ids)>();
        IReadOnlyList<TracepointFormat>? formats = null;
        long? wallClockOffset = null;
        var records = new MemoryStream();
        using var decompressor = new CompressedRecords();
        using var carried = new MemoryStream();

        void Take(uint type, ReadOnlySpan<byte> record, ReadOnlySpan<byte> body, ref ReadOnlySpan<byte> rest)
        {
            switch (type)
            {
                case HeaderAttr:
                    attributes.Add(ReadAttribute(body));
                    break;
                case HeaderTracingData:
                    var size = body.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(body) : throw new InvalidDataException("a TRACING_DATA record is too short");
                    if (size > rest.Length)
                        throw new InvalidDataException($"the tracing data claims {size} bytes, {rest.Length} are left");
                    formats = TracingData.ReadFormats(rest[..(int)size]);
                    rest = rest[(int)size..];
                    break;
                case HeaderFeature:
                    if (body.Length >= 8 && BinaryPrimitives.ReadUInt64LittleEndian(body) == PerfDataFile.ClockDataFeature)
                        wallClockOffset = PerfDataFile.WallClockOffsetOf(body[8..]);
                    break;
                case var bookkeeping when PerfRecordType.IsPerfDataBookkeeping(bookkeeping):
                    break; // build ids, id index, thread and cpu maps, rounds, time conversion: nothing to replay
                default:
                    records.Write(record);
                    break;
            }
        }

        var rest = stream;
        while (rest.Length > 0)
        {
            if (rest.Length < PerfRecord.HeaderSize)
                throw new InvalidDataException("the pipe recording ends inside a record header");
            var (type, _, size) = PerfRecord.ReadHeader(rest);
            if (size < PerfRecord.HeaderSize || size > rest.Length)
                throw new InvalidDataException($"a record of the pipe recording claims {size} bytes, {rest.Length} are left");
            var record = rest[..size];
            rest = rest[size..];
            if (PerfRecordType.IsCompressed(type))
            {
                decompressor.Expand(type, record[PerfRecord.HeaderSize..], carried);
                // What they held: more records, taken as if they stood in their place; a record
                // cut at the end of this piece waits for the next.
                var held = carried.GetBuffer().AsSpan(0, (int)carried.Length);
                var used = 0;
                var none = ReadOnlySpan<byte>.Empty;
                while (held.Length - used >= PerfRecord.HeaderSize && PerfRecord.ReadHeader(held[used..]) is var (innerType, _, innerSize)
                       && innerSize >= PerfRecord.HeaderSize && used + innerSize <= held.Length)
                {
                    var innerRecord = held.Slice(used, innerSize);
                    Take(innerType, innerRecord, innerRecord[PerfRecord.HeaderSize..], ref none);
                    used += innerSize;
                }
                var left = held[used..].ToArray();
                carried.SetLength(0);
                carried.Write(left);
                continue;
            }
            Take(type, record, record[PerfRecord.HeaderSize..], ref rest);
        }

        if (carried.Length > 0)
            throw new InvalidDataException($"the compressed records end inside a record ({carried.Length} bytes left over)");
        if (formats is null)
            throw new InvalidDataException("the recording has no tracing data (record tracepoints with perf record -e SYSTEM:NAME)");
        if (attributes.Count == 0)
            throw new InvalidDataException("the pipe recording has no ATTR record: no event to replay");
        return new Contents(formats, PerfDataFile.StreamsOf(attributes, formats), wallClockOffset, records.ToArray());
    }

    private static (PerfEventAttribute, ulong[]) ReadAttribute(ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
            throw new InvalidDataException("an ATTR record is too short for an attribute");
        var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        if (size < 64 || size > body.Length || (body.Length - size) % 8 != 0)
            throw new InvalidDataException($"an ATTR record's attribute of {size} bytes does not fit its {body.Length}");
        var ids = new ulong[(body.Length - size) / 8];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(body[(size + i * 8)..]);
        return (PerfEventAttribute.Read(body[..size]), ids);
    }
}
