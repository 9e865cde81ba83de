using System.Buffers.Binary;

namespace Tapline.Tracing.Perf;

/// <summary>One record of a perf ring or a perf.data file: its type and its body after the 8-byte header.</summary>
public readonly ref struct PerfRecord(uint type, ushort misc, ReadOnlySpan<byte> body)
{
    public const int HeaderSize = 8;

    public uint Type { get; } = type;
    public ushort Misc { get; } = misc;
    public ReadOnlySpan<byte> Body { get; } = body;

    /// <summary>Reads the header at the start of <paramref name="bytes"/>: the type, misc and total size.</summary>
    public static (uint Type, ushort Misc, int Size) ReadHeader(ReadOnlySpan<byte> bytes) => (
        BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]));
}

/// <summary>The record types (`enum perf_event_type`) the reader handles.</summary>
public static class PerfRecordType
{
    /// <summary>An executable mapping (`attr.mmap`): the first after an exec is the program's own.</summary>
    public const uint Mmap = 1;

    public const uint Lost = 2;
    public const uint Comm = 3;
    public const uint Exit = 4;
    public const uint Fork = 7;
    public const uint Sample = 9;

    /// <summary>MMAP with the file's identity and protection (perf record's form).</summary>
    public const uint Mmap2 = 10;

    /// <summary>COMM's misc bit for a name set by exec (PERF_RECORD_MISC_COMM_EXEC).</summary>
    public const ushort CommExecMisc = 1 << 13;
    public const uint LostSamples = 13;

    /// <summary>perf.data only: every record before it has been written (perf's ordered-events rounds).</summary>
    public const uint FinishedRound = 68;

    /// <summary>perf.data only (`perf record -z`): a piece of the zstd stream that holds more records.</summary>
    public const uint Compressed = 81;

    /// <summary>The same with a size field before the data (newer perf).</summary>
    public const uint Compressed2 = 83;

    public static bool IsCompressed(uint type) => type is Compressed or Compressed2;

    /// <summary>
    /// perf.data's own records, 64 to 82 (attributes, tracing data, features, build ids, rounds,
    /// maps); readers expand <see cref="Compressed"/> ones before they ask.
    /// </summary>
    public static bool IsPerfDataBookkeeping(uint type) => type is >= 64 and <= 82;

    /// <summary>
    /// Kinds that say nothing a replay of tracepoints needs: memory maps, kernel symbols, BPF
    /// programs, cgroups, text pokes, namespaces, and perf.data's own bookkeeping.
    /// </summary>
    public static bool IsIrrelevantToReplay(uint type) => type is 1 or 10 or 16 or 17 or 18 or 19 or 20 || IsPerfDataBookkeeping(type);

    /// <summary>A kind's name as perf's headers give it, for messages.</summary>
    public static string NameOf(uint type) => type switch
    {
        5 => "THROTTLE",
        6 => "UNTHROTTLE",
        8 => "READ",
        11 => "AUX",
        12 => "ITRACE_START",
        14 => "SWITCH",
        15 => "SWITCH_CPU_WIDE",
        21 => "AUX_OUTPUT_HW_ID",
        Compressed or Compressed2 => "COMPRESSED",
        _ => $"type {type}",
    };
}
