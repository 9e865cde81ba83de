using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Tapline.Tracing.Perf;

/// <summary>
/// `struct perf_event_attr` as far as its 128-byte version (PERF_ATTR_SIZE_VER7), the layout
/// perf_event_open takes and perf.data files store.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Size)]
public struct PerfEventAttribute
{
    public const int Size = 128;

    public const uint TypeSoftware = 1;
    public const uint TypeTracepoint = 2;
    public const ulong SoftwareDummy = 9;

    /// <summary>PERF_COUNT_SW_BPF_OUTPUT: the event a BPF program's `bpf_perf_event_output` writes samples through.</summary>
    public const ulong SoftwareBpfOutput = 10;

    /// <summary>read_format PERF_FORMAT_LOST (Linux 6.0): read() gives the event's lost records after its value.</summary>
    public const ulong FormatLost = 1 << 4;

    public uint Type;
    public uint AttributeSize;
    public ulong Config;
    public ulong SamplePeriod;
    public ulong SampleType;
    public ulong ReadFormat;
    public ulong Flags;
    public uint WakeupWatermark;
    public uint BreakpointType;
    public ulong Config1;
    public ulong Config2;
    public ulong BranchSampleType;
    public ulong SampleRegistersUser;
    public uint SampleStackUser;
    public int ClockId;

    /// <summary>Reads the fields the reader uses from a stored attribute (perf.data's attrs section).</summary>
    public static PerfEventAttribute Read(ReadOnlySpan<byte> bytes) => new()
    {
        Type = BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        AttributeSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
        Config = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        SamplePeriod = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        SampleType = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]),
        ReadFormat = BinaryPrimitives.ReadUInt64LittleEndian(bytes[32..]),
        Flags = BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]),
        ClockId = bytes.Length >= 96 ? BinaryPrimitives.ReadInt32LittleEndian(bytes[92..]) : 0,
    };

    public readonly bool Has(PerfAttributeFlags flag) => (Flags & (ulong)flag) != 0;
}

/// <summary>The bits of perf_event_attr's flag word that Tapline sets or reads.</summary>
[Flags]
public enum PerfAttributeFlags : ulong
{
    Disabled = 1UL << 0,
    Mmap = 1UL << 8,
    Comm = 1UL << 9,
    Task = 1UL << 13,
    Watermark = 1UL << 14,
    SampleIdAll = 1UL << 18,
    CommExec = 1UL << 24,
    UseClockId = 1UL << 25,
}

/// <summary>perf_event_attr's sample_type bits: which fields a sample record carries, in this order.</summary>
[Flags]
public enum SampleFormat : ulong
{
    Ip = 1 << 0,
    Tid = 1 << 1,
    Time = 1 << 2,
    Address = 1 << 3,
    Read = 1 << 4,
    Callchain = 1 << 5,
    Id = 1 << 6,
    Cpu = 1 << 7,
    Period = 1 << 8,
    StreamId = 1 << 9,
    Raw = 1 << 10,
    BranchStack = 1 << 11,
    RegistersUser = 1 << 12,
    StackUser = 1 << 13,
    Weight = 1 << 14,
    DataSource = 1 << 15,
    Identifier = 1 << 16,
}
