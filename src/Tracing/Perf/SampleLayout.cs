using System.Buffers.Binary;

namespace Tapline.Tracing.Perf;

/// <summary>
/// Where the fields of a sample (and of other records' `sample_id_all` trailer) are,
/// given an event's sample_type: the kernel writes them in a fixed order, each present or not.
/// </summary>
public sealed class SampleLayout
{
    private readonly SampleFormat _format;

    public SampleLayout(ulong sampleType)
    {
        _format = (SampleFormat)sampleType;
        if ((_format & SampleFormat.Read) != 0)
            throw new NotSupportedException("samples carrying counter values (PERF_SAMPLE_READ) are not read by Tapline");
        TrailerSize = 8 * (Count(SampleFormat.Tid) + Count(SampleFormat.Time) + Count(SampleFormat.Id) +
            Count(SampleFormat.StreamId) + Count(SampleFormat.Cpu) + Count(SampleFormat.Identifier));
    }

    /// <summary>The size of the `sample_id` trailer of non-sample records, when sample_id_all is set.</summary>
    public int TrailerSize { get; }

    public bool HasIdentifier => Has(SampleFormat.Identifier);

    /// <summary>Reads a PERF_RECORD_SAMPLE body up to and including its raw tracepoint data.</summary>
    public Sample ReadSample(ReadOnlySpan<byte> body)
    {
        var reader = new SpanReader(body, "a sample record");
        ulong id = 0;
        if (Has(SampleFormat.Identifier))
            id = reader.U64();
        if (Has(SampleFormat.Ip))
            reader.Skip(8);
        int pid = -1, tid = -1;
        if (Has(SampleFormat.Tid))
            (pid, tid) = (reader.I32(), reader.I32());
        long time = 0;
        if (Has(SampleFormat.Time))
            time = (long)reader.U64();
        if (Has(SampleFormat.Address))
            reader.Skip(8);
        if (Has(SampleFormat.Id))
            id = reader.U64();
        if (Has(SampleFormat.StreamId))
            reader.Skip(8);
        var cpu = -1;
        if (Has(SampleFormat.Cpu))
            (cpu, _) = (reader.I32(), reader.I32());
        if (Has(SampleFormat.Period))
            reader.Skip(8);
        if (Has(SampleFormat.Callchain))
            reader.Take(reader.U64() * 8);
        var raw = ReadOnlySpan<byte>.Empty;
        if (Has(SampleFormat.Raw))
        {
            var size = reader.I32();
            raw = reader.Take(size);
        }
        return new Sample(id, pid, tid, time, cpu, raw);
    }

    /// <summary>Reads the `sample_id` trailer at the end of a non-sample record's body.</summary>
    public SampleIdentity ReadTrailer(ReadOnlySpan<byte> body)
    {
        if (body.Length < TrailerSize)
            throw new InvalidDataException($"a {body.Length}-byte record is shorter than its {TrailerSize}-byte sample_id trailer");
        var reader = new SpanReader(body[^TrailerSize..], "a record's sample_id trailer");
        int pid = -1, tid = -1;
        if (Has(SampleFormat.Tid))
            (pid, tid) = (reader.I32(), reader.I32());
        long time = 0;
        if (Has(SampleFormat.Time))
            time = (long)reader.U64();
        ulong id = 0;
        if (Has(SampleFormat.Id))
            id = reader.U64();
        if (Has(SampleFormat.StreamId))
            reader.Skip(8);
        var cpu = -1;
        if (Has(SampleFormat.Cpu))
            (cpu, _) = (reader.I32(), reader.I32());
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
