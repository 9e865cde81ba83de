namespace Tapline.Tracing.Elf;

/// <summary>A function of an ELF file: its symbol's name, address and size, and where its first instruction is in the file (what a uprobe is placed at).</summary>
public sealed record ElfFunction(string Name, ulong Address, ulong Size, ulong FileOffset);
