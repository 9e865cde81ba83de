namespace Tapline.Tracing.Capture;

/// <summary>
/// A marker's argument, which a uprobe's program works out while the probe fires and stores
/// as an 8-byte field after the registers: a register (at <paramref name="ContextOffset"/> of
/// `struct pt_regs`), a constant (<paramref name="Value"/>), or <paramref name="Size"/> bytes
/// of memory at the register plus <paramref name="Value"/>; then sign- or zero-extended.
/// </summary>
public sealed record CapturedArgument(ArgumentSource Source, int ContextOffset, long Value, int Size, bool IsSigned);

public enum ArgumentSource
{
    Register,
    Constant,
    Memory,
}
