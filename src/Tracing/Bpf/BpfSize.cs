namespace Tapline.Tracing.Bpf;

/// <summary>The width of a load or store, as the opcode's size bits encode it.</summary>
public enum BpfSize : byte
{
    Word = 0x00,
    Half = 0x08,
    Byte = 0x10,
    Double = 0x18,
}

public static class BpfSizes
{
    public static int Bytes(this BpfSize size) => size switch
    {
        BpfSize.Byte => 1,
        BpfSize.Half => 2,
        BpfSize.Word => 4,
        _ => 8,
    };

    /// <summary>The C type a disassembly names a width by (`*(u32 *)`).</summary>
    public static string TypeName(this BpfSize size) => $"u{size.Bytes() * 8}";
}
