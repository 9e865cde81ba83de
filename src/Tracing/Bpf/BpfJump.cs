namespace Tapline.Tracing.Bpf;

/// <summary>A conditional jump's test, as the opcode's operation bits encode it (64-bit compares).</summary>
public enum BpfJump : byte
{
    Equal = 0x10,
    Greater = 0x20,
    GreaterOrEqual = 0x30,
    NotEqual = 0x50,
    SignedGreater = 0x60,
    SignedGreaterOrEqual = 0x70,
    Less = 0xa0,
    LessOrEqual = 0xb0,
    SignedLess = 0xc0,
    SignedLessOrEqual = 0xd0,
}

public static class BpfJumps
{
    public static string Symbol(this BpfJump jump) => jump switch
    {
        BpfJump.Equal => "==",
        BpfJump.Greater => ">",
        BpfJump.GreaterOrEqual => ">=",
        BpfJump.NotEqual => "!=",
        BpfJump.SignedGreater => "s>",
        BpfJump.SignedGreaterOrEqual => "s>=",
        BpfJump.Less => "<",
        BpfJump.LessOrEqual => "<=",
        BpfJump.SignedLess => "s<",
        _ => "s<=",
    };
}
