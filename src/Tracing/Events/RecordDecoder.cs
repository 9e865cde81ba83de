using System.Buffers.Binary;
using System.Text;
using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Events;

/// <summary>
/// Turns perf records, from a ring or a recording, into what the run pass needs: tracepoint
/// samples for the handler, process names for the process table, and a count of lost events.
/// Samples of <paramref name="excludedPid"/> (the tracer itself, for threads the kernel filter
/// could not name when the run started) are dropped.
/// </summary>
public sealed class RecordDecoder(IReadOnlyDictionary<ulong, EventStream> streams, ProcessTable processes, int excludedPid = -1)
{
    private readonly EventStream? _onlyStream = streams.Values.Distinct().Count() == 1 ? streams.Values.First() : null;
    private readonly bool _identified = streams.Values.All(s => s.Layout.HasIdentifier);

    /// <summary>Without PERF_SAMPLE_IDENTIFIER every event of a recording has one sample layout (perf requires it); its ID field tells them apart.</summary>
    private readonly SampleLayout? _commonLayout = streams.Values.FirstOrDefault()?.Layout;

    public ProcessTable Processes => processes;

    /// <summary>Events the kernel dropped because a ring was full (PERF_RECORD_LOST and LOST_SAMPLES).</summary>
    public long LostEvents { get; private set; }


    /// <summary>When the record happened, for ordering; 0 when the record carries no time.</summary>
    public long TimeOf(in PerfRecord record)
    {
        if (record.Type == PerfRecordType.Sample)
            return StreamOfSample(record.Body) is { } stream ? stream.Layout.TimeOfSample(record.Body) : 0;
        if (IsSideBand(record.Type) && StreamOfTrailer(record.Body) is { } owner)
            return owner.Layout.ReadTrailer(record.Body).Time;
        return 0;
    }

    public void Deliver(in PerfRecord record, ITraceEventHandler handler)
    {
        var body = record.Body;
        switch (record.Type)
        {
            case PerfRecordType.Sample:
                if (StreamOfSample(body) is { Format: not null } stream)
                {
                    var sample = stream.Layout.ReadSample(body);
                    stream.Samples++;
                    if (sample.Pid != excludedPid && stream.FormatOf(sample.Raw) is { } format)
                        handler.Handle(new TraceEvent(format, sample.Time, sample.Cpu, sample.Pid, sample.Tid, sample.Raw, stream.CaptureStart));
                }
                break;
            case PerfRecordType.Comm:
                Require(body, 8, "COMM");
                processes.OnComm(I32(body, 0), I32(body, 4), ReadName(body[8..]), (record.Misc & PerfRecordType.CommExecMisc) != 0);
                break;
            case PerfRecordType.Mmap:
                Require(body, MmapFileOffset, "MMAP");
                processes.OnExecutableMap(I32(body, 0), ReadName(body[MmapFileOffset..]));
                break;
            case PerfRecordType.Mmap2:
                Require(body, Mmap2FileOffset, "MMAP2");
                if ((I32(body, Mmap2FileOffset - 8) & ProtExec) != 0)
                    processes.OnExecutableMap(I32(body, 0), ReadName(body[Mmap2FileOffset..]));
                break;
            case PerfRecordType.Fork:
                Require(body, 16, "FORK");
                processes.OnFork(I32(body, 0), I32(body, 4), I32(body, 8), I32(body, 12));
                break;
            case PerfRecordType.Exit:
                Require(body, 16, "EXIT");
                processes.OnExit(I32(body, 0), I32(body, 8));
                break;
            case PerfRecordType.Lost:
                Require(body, 16, "LOST");
                LostEvents += (long)BinaryPrimitives.ReadUInt64LittleEndian(body[8..]);
                break;
            case PerfRecordType.LostSamples:
                Require(body, 8, "LOST_SAMPLES");
                LostEvents += (long)BinaryPrimitives.ReadUInt64LittleEndian(body);
                break;
            default:
                if (!PerfRecordType.IsIrrelevantToReplay(record.Type))
                    SkippedRecords[record.Type] = SkippedRecords.GetValueOrDefault(record.Type) + 1;
                break;
        }
    }

    /// <summary>Records of kinds the decoder does not read and that may matter (throttling, unknown kinds), by type.</summary>
    public Dictionary<uint, long> SkippedRecords { get; } = new();

    /// <summary>MMAP: pid, tid, addr, len, pgoff, then the file name.</summary>
    private const int MmapFileOffset = 32;

    /// <summary>MMAP2: as MMAP, then the file's identity (24 bytes), prot and flags, then the name.</summary>
    private const int Mmap2FileOffset = 64;

    private const int ProtExec = 4;

    private static bool IsSideBand(uint type) => type is PerfRecordType.Comm or PerfRecordType.Fork or PerfRecordType.Exit
        or PerfRecordType.Mmap or PerfRecordType.Mmap2
        or PerfRecordType.Lost or PerfRecordType.LostSamples;

    private EventStream? StreamOfSample(ReadOnlySpan<byte> body) =>
        _identified ? streams.GetValueOrDefault(SampleLayout.IdentifierOfSample(body))
        : _onlyStream ?? streams.GetValueOrDefault(_commonLayout!.ReadSample(body).Id);

    private EventStream? StreamOfTrailer(ReadOnlySpan<byte> body) =>
        _identified ? streams.GetValueOrDefault(SampleLayout.IdentifierOfTrailer(body))
        : _onlyStream ?? streams.GetValueOrDefault(_commonLayout!.ReadTrailer(body).Id);

    private static void Require(ReadOnlySpan<byte> body, int length, string record)
    {
        if (body.Length < length)
            throw new InvalidDataException($"a {record} record of {body.Length} bytes is shorter than its {length} bytes of fields");
    }

    private static int I32(ReadOnlySpan<byte> body, int offset) => BinaryPrimitives.ReadInt32LittleEndian(body[offset..]);

    private static string ReadName(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
