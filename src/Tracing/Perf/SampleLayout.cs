using System.Buffers.Binary;

namespace Tapline.Tracing.Perf;

/// <summary>
/// Where the fields of a sample (and of other records' `sample_id_all` trailer) are,
/// given an event's sample_type: the kernel writes them in a fixed order, each present or not.
/// </summary>
public sealed class SampleLayout
{
    private readonly SampleFormat _format;

    /// <summary>Where TIME is in a sample (only fixed-size fields come before it), or -1 without TIME.</summary>
    private readonly int _timeOffset;

    public SampleLayout(ulong sampleType)
    {
        _format = (SampleFormat)sampleType;
        if ((_format & SampleFormat.Read) != 0)
            throw new NotSupportedException("samples carrying counter values (PERF_SAMPLE_READ) are not read by Tapline");
        TrailerSize = 8 * (Count(SampleFormat.Tid) + Count(SampleFormat.Time) + Count(SampleFormat.Id) +
            Count(SampleFormat.StreamId) + Count(SampleFormat.Cpu) + Count(SampleFormat.Identifier));
        _timeOffset = Has(SampleFormat.Time) ? 8 * (Count(SampleFormat.Identifier) + Count(SampleFormat.Ip) + Count(SampleFormat.Tid)) : -1;
    }

    /// <summary>When a sample happened, read at its fixed offset (only fixed-size fields come before TIME); 0 without TIME.</summary>
    public long TimeOfSample(ReadOnlySpan<byte> body)
    {
        if (_timeOffset < 0)
            return 0;
        return body.Length >= _timeOffset + 8
            ? (long)BinaryPrimitives.ReadUInt64LittleEndian(body[_timeOffset..])
            : throw new InvalidDataException($"a {body.Length}-byte sample ends before its time");
    }

    /// <summary>The size of the `sample_id` trailer of non-sample records, when sample_id_all is set.</summary>
    public int TrailerSize { get; }

    public bool HasIdentifier => Has(SampleFormat.Identifier);

    /// <summary>Reads a PERF_RECORD_SAMPLE body up to and including its raw tracepoint data.</summary>
    public Sample ReadSample(ReadOnlySpan<byte> body)
    {
        var reader = new SpanReader(body, "a sample record");
        var id = Has(SampleFormat.Identifier) ? reader.U64() : 0;
        Skip(ref reader, SampleFormat.Ip);
        var (pid, tid) = ReadTid(ref reader);
        var time = ReadTime(ref reader);
        Skip(ref reader, SampleFormat.Address);
        (id, var cpu) = ReadIdAndCpu(ref reader, id);
        Skip(ref reader, SampleFormat.Period);
        if (Has(SampleFormat.Callchain))
            reader.Take(reader.U64() * 8);
        var raw = Has(SampleFormat.Raw) ? reader.Take(reader.I32()) : ReadOnlySpan<byte>.Empty;
        return new Sample(id, pid, tid, time, cpu, raw);
    }

    /// <summary>Reads the `sample_id` trailer at the end of a non-sample record's body.</summary>
    public SampleIdentity ReadTrailer(ReadOnlySpan<byte> body)
    {
        if (body.Length < TrailerSize)
            throw new InvalidDataException($"a {body.Length}-byte record is shorter than its {TrailerSize}-byte sample_id trailer");
        var reader = new SpanReader(body[^TrailerSize..], "a record's sample_id trailer");
        var (pid, tid) = ReadTid(ref reader);
        var time = ReadTime(ref reader);
        var (id, cpu) = ReadIdAndCpu(ref reader, 0);
        if (Has(SampleFormat.Identifier))
            id = reader.U64();
        return new SampleIdentity(id, pid, tid, time, cpu);
    }

    /// <summary>The event id of a sample whose format has PERF_SAMPLE_IDENTIFIER: always its first word.</summary>
    public static ulong IdentifierOfSample(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadUInt64LittleEndian(AtLeastAWord(body));

    /// <summary>The event id of another record with PERF_SAMPLE_IDENTIFIER in its trailer: always its last word.</summary>
    public static ulong IdentifierOfTrailer(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadUInt64LittleEndian(AtLeastAWord(body)[^8..]);

    private static ReadOnlySpan<byte> AtLeastAWord(ReadOnlySpan<byte> body) =>
        body.Length >= 8 ? body : throw new InvalidDataException($"a {body.Length}-byte record has no room for its event id");

    private (int Pid, int Tid) ReadTid(ref SpanReader reader) => Has(SampleFormat.Tid) ? (reader.I32(), reader.I32()) : (-1, -1);

    private long ReadTime(ref SpanReader reader) => Has(SampleFormat.Time) ? (long)reader.U64() : 0;

    /// <summary>ID, STREAM_ID and CPU, which samples and trailers share in this order.</summary>
    private (ulong Id, int Cpu) ReadIdAndCpu(ref SpanReader reader, ulong id)
    {
        if (Has(SampleFormat.Id))
            id = reader.U64();
        Skip(ref reader, SampleFormat.StreamId);
        var cpu = -1;
        if (Has(SampleFormat.Cpu))
            (cpu, _) = (reader.I32(), reader.I32());
        return (id, cpu);
    }

    private void Skip(ref SpanReader reader, SampleFormat field)
    {
        if (Has(field))
            reader.Skip(8);
    }

    private bool Has(SampleFormat field) => (_format & field) != 0;

    private int Count(SampleFormat field) => Has(field) ? 1 : 0;
}

/// <param name="Id">The kernel's id of the event that produced it (PERF_EVENT_IOC_ID).</param>
/// <param name="Raw">The tracepoint's record, laid out as its format file says.</param>
public readonly ref struct Sample(ulong id, int pid, int tid, long time, int cpu, ReadOnlySpan<byte> raw)
{
    public ulong Id { get; } = id;
    public int Pid { get; } = pid;
    public int Tid { get; } = tid;
    public long Time { get; } = time;
    public int Cpu { get; } = cpu;
    public ReadOnlySpan<byte> Raw { get; } = raw;
}

/// <summary>Who and when, from a non-sample record's trailer.</summary>
public readonly record struct SampleIdentity(ulong Id, int Pid, int Tid, long Time, int Cpu);
