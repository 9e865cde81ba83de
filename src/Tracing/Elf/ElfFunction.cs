namespace Tapline.Tracing.Elf;

/// <summary>A function of an ELF file: its symbol's name, address and size, and where its first instruction is in the file (what a uprobe is placed at).</summary>
/// <param name="FirstByte">The first byte of its first instruction (0xf0 is a lock prefix, which uprobes cannot step over).</param>
public sealed record ElfFunction(string Name, ulong Address, ulong Size, ulong FileOffset, byte FirstByte)
{
    /// <summary>Uprobes refuse an instruction with a lock prefix (the kernel says ENOTSUPP).</summary>
    public bool CanBeProbed => FirstByte != 0xf0;
}
