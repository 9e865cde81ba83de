using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Bpf;

/// <summary>The `bpf()` commands Tapline uses, each with `union bpf_attr` laid out as the kernel's uapi header has it.</summary>
public static unsafe class BpfSystem
{
    private const int MapCreate = 0;
    private const int MapUpdateElement = 2;
    private const int ProgramLoad = 5;
    private const int LinkCreate = 28;

    /// <summary>BPF_TRACE_UPROBE_MULTI: a program attached to many uprobes of one file by one link.</summary>
    public const uint UprobeMultiAttach = 48;

    /// <summary>BPF_F_UPROBE_MULTI_RETURN: the link's uprobes are at the functions' returns.</summary>
    private const uint UprobeMultiReturn = 1;

    private const int AttributeSize = 128;
    private const int NameLength = 16;

    /// <summary>How much of the verifier's log a refusal keeps (the end says why).</summary>
    private const int LogBytes = 1 << 20;

    /// <summary>`BPF_MAP_CREATE`.</summary>
    public static BpfDescriptor CreateMap(BpfMapType type, int keySize, int valueSize, int entries, string name)
    {
        Span<byte> attribute = stackalloc byte[AttributeSize];
        attribute.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(attribute, (uint)type);
        BinaryPrimitives.WriteInt32LittleEndian(attribute[4..], keySize);
        BinaryPrimitives.WriteInt32LittleEndian(attribute[8..], valueSize);
        BinaryPrimitives.WriteInt32LittleEndian(attribute[12..], entries);
        WriteName(attribute[28..], name);
        return new BpfDescriptor(Call(MapCreate, attribute, $"creating BPF map '{name}'"), $"map {name}");
    }

    /// <summary>`BPF_MAP_UPDATE_ELEM` of a map with 4-byte keys and values (an array of perf events).</summary>
    public static void Update(BpfDescriptor map, int key, int value)
    {
        Span<byte> attribute = stackalloc byte[AttributeSize];
        attribute.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(attribute, map.Fd);
        BinaryPrimitives.WriteInt64LittleEndian(attribute[8..], (long)&key);
        BinaryPrimitives.WriteInt64LittleEndian(attribute[16..], (long)&value);
        Call(MapUpdateElement, attribute, $"updating {map.What}");
    }

    /// <summary>`BPF_PROG_LOAD`; a refusal carries the verifier's log (asked for only when it refuses, so a load costs no log).</summary>
    public static BpfDescriptor LoadProgram(BpfProgramType type, byte[] instructions, string name, uint expectedAttachType = 0)
    {
        var fd = TryLoad(type, instructions, name, log: null, expectedAttachType);
        if (fd >= 0)
            return new BpfDescriptor(fd, $"program {name}");
        var error = Marshal.GetLastPInvokeError();
        if (error is not (13 or 22 or 7 or 28))
            throw new BpfException($"loading BPF program '{name}'", error);
        var log = new byte[LogBytes];
        fd = TryLoad(type, instructions, name, log, expectedAttachType);
        if (fd >= 0)
            return new BpfDescriptor(fd, $"program {name}");
        error = Marshal.GetLastPInvokeError();
        var text = Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0)));
        throw new BpfException($"loading BPF program '{name}'", error, text);
    }

    private static int TryLoad(BpfProgramType type, byte[] instructions, string name, byte[]? log, uint expectedAttachType)
    {
        Span<byte> attribute = stackalloc byte[AttributeSize];
        attribute.Clear();
        var license = "GPL\0"u8;
        fixed (byte* code = instructions)
        fixed (byte* licenseText = license)
        fixed (byte* logBuffer = log)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(attribute, (uint)type);
            BinaryPrimitives.WriteInt32LittleEndian(attribute[4..], instructions.Length / BpfInstruction.Size);
            BinaryPrimitives.WriteInt64LittleEndian(attribute[8..], (long)code);
            BinaryPrimitives.WriteInt64LittleEndian(attribute[16..], (long)licenseText);
            if (log is not null)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(attribute[24..], 1);
                BinaryPrimitives.WriteInt32LittleEndian(attribute[28..], log.Length);
                BinaryPrimitives.WriteInt64LittleEndian(attribute[32..], (long)logBuffer);
            }
            WriteName(attribute[48..], name);
            BinaryPrimitives.WriteUInt32LittleEndian(attribute[68..], expectedAttachType);
            fixed (byte* pointer = attribute)
                return LibC.Bpf(LibC.SysBpf, ProgramLoad, pointer, AttributeSize);
        }
    }

    /// <summary>
    /// `BPF_LINK_CREATE` of a uprobe-multi link: <paramref name="program"/> (loaded for
    /// <see cref="UprobeMultiAttach"/>) at each offset of <paramref name="path"/>, each with its
    /// semaphore's offset (0 for none) and a cookie the program reads. One link places them all
    /// at once, and closing it takes them all away at once.
    /// </summary>
    public static BpfDescriptor LinkUprobes(BpfDescriptor program, string path, ulong[] offsets, ulong[] semaphores, ulong[] cookies, bool returns)
    {
        Span<byte> attribute = stackalloc byte[AttributeSize];
        attribute.Clear();
        var pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pathPointer = pathBytes)
        fixed (ulong* offsetPointer = offsets)
        fixed (ulong* semaphorePointer = semaphores)
        fixed (ulong* cookiePointer = cookies)
        {
            BinaryPrimitives.WriteInt32LittleEndian(attribute, program.Fd);
            BinaryPrimitives.WriteUInt32LittleEndian(attribute[8..], UprobeMultiAttach);
            BinaryPrimitives.WriteInt64LittleEndian(attribute[16..], (long)pathPointer);
            BinaryPrimitives.WriteInt64LittleEndian(attribute[24..], (long)offsetPointer);
            BinaryPrimitives.WriteInt64LittleEndian(attribute[32..], semaphores.Any(s => s != 0) ? (long)semaphorePointer : 0);
            BinaryPrimitives.WriteInt64LittleEndian(attribute[40..], (long)cookiePointer);
            BinaryPrimitives.WriteInt32LittleEndian(attribute[48..], offsets.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(attribute[52..], returns ? UprobeMultiReturn : 0);
            return new BpfDescriptor(Call(LinkCreate, attribute, $"attaching {offsets.Length} uprobes to '{path}'"), $"uprobe link of {path}");
        }
    }

    private static int Call(int command, Span<byte> attribute, string operation)
    {
        int result;
        fixed (byte* pointer = attribute)
            result = LibC.Bpf(LibC.SysBpf, command, pointer, AttributeSize);
        return result >= 0 ? result : throw new BpfException(operation, Marshal.GetLastPInvokeError());
    }

    /// <summary>An object's name: at most 15 of the characters the kernel accepts (letters, digits, `_`, `.`).</summary>
    private static void WriteName(Span<byte> field, string name)
    {
        var kept = name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.').Take(NameLength - 1).Select(c => (byte)c).ToArray();
        kept.CopyTo(field);
    }
}

public enum BpfMapType
{
    Array = 2,
    PerfEventArray = 4,
    PerCpuArray = 6,
    LruHash = 9,
}

public enum BpfProgramType
{
    /// <summary>BPF_PROG_TYPE_KPROBE, which also serves uprobes: the context is the probed thread's registers.</summary>
    Probe = 2,
    Tracepoint = 5,
}
