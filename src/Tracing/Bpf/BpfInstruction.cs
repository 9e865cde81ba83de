using System.Buffers.Binary;

namespace Tapline.Tracing.Bpf;

/// <summary>
/// One 8-byte eBPF instruction, `struct bpf_insn`: the opcode, the destination and source
/// registers (4 bits each), a signed 16-bit offset and a signed 32-bit immediate. A 64-bit
/// immediate load takes two: the second holds the upper half of the constant.
/// </summary>
public readonly record struct BpfInstruction(byte Code, BpfRegister Destination, BpfRegister Source, short Offset, int Immediate)
{
    public const int Size = 8;

    public BpfClass Class => (BpfClass)(Code & 0x07);

    public void Encode(Span<byte> bytes)
    {
        bytes[0] = Code;
        bytes[1] = (byte)((byte)Destination | ((byte)Source << 4));
        BinaryPrimitives.WriteInt16LittleEndian(bytes[2..], Offset);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[4..], Immediate);
    }
}

/// <summary>An opcode's class bits.</summary>
public enum BpfClass : byte
{
    Load = 0x00,
    LoadRegister = 0x01,
    Store = 0x02,
    StoreRegister = 0x03,
    Alu32 = 0x04,
    Jump = 0x05,
    Jump32 = 0x06,
    Alu64 = 0x07,
}

/// <summary>The operation bits of an arithmetic opcode.</summary>
public enum BpfAlu : byte
{
    Add = 0x00,
    Subtract = 0x10,
    Multiply = 0x20,
    Or = 0x40,
    And = 0x50,
    ShiftLeft = 0x60,
    ShiftRight = 0x70,
    Move = 0xb0,
    ShiftRightSigned = 0xc0,
}

/// <summary>The opcode parts that are neither class, size nor test.</summary>
public static class BpfCode
{
    /// <summary>The operand is the source register (BPF_X), not the immediate (BPF_K).</summary>
    public const byte FromRegister = 0x08;

    /// <summary>Memory mode of loads and stores (BPF_MEM); the immediate mode (BPF_IMM) is 0.</summary>
    public const byte Memory = 0x60;

    /// <summary>Atomic mode of a register store (BPF_ATOMIC); the immediate says which operation (0: add).</summary>
    public const byte Atomic = 0xc0;

    public const byte Call = 0x80;
    public const byte Exit = 0x90;
    public const byte JumpAlways = 0x00;

    /// <summary>`lddw`: a 64-bit immediate in two instructions (BPF_LD | BPF_DW | BPF_IMM).</summary>
    public const byte LoadDouble = (byte)BpfClass.Load | (byte)BpfSize.Double;

    /// <summary>A 64-bit immediate load's source register when its immediate is a map's descriptor (BPF_PSEUDO_MAP_FD).</summary>
    public const BpfRegister PseudoMapDescriptor = BpfRegister.R1;
}
