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
    public const uint Lost = 2;
    public const uint Comm = 3;
    public const uint Exit = 4;
    public const uint Fork = 7;
    public const uint Sample = 9;
    public const uint LostSamples = 13;

    /// <summary>perf.data only: every record before it has been written (perf's ordered-events rounds).</summary>
    public const uint FinishedRound = 68;
}
