namespace Tapline.Runtime;

/// <summary>SystemTap's 64-bit integer arithmetic where C# would differ or throw.</summary>
public static class Arithmetic
{
    /// <summary>`randint(n)`: uniformly in [0, n), n from 1 to 2^20 as stap allows.</summary>
    public static long RandomBelow(long n) => n is >= 1 and <= 1 << 20
        ? Random.Shared.NextInt64(n)
        : throw new ScriptRuntimeException($"randint: {n} is outside 1..1048576");

    public static long Divide(long dividend, long divisor) => divisor switch
    {
        0 => throw new ScriptRuntimeException("division by 0"),
        -1 => unchecked(-dividend),
        _ => dividend / divisor,
    };

    public static long Remainder(long dividend, long divisor) => divisor switch
    {
        0 => throw new ScriptRuntimeException("division by 0"),
        -1 => 0,
        _ => dividend % divisor,
    };

    /// <summary>Shifts take the count modulo 64, as the hardware does.</summary>
    public static long ShiftLeft(long value, long count) => value << (int)(count & 63);

    public static long ShiftRight(long value, long count) => value >> (int)(count & 63);

    /// <summary>`>>>`: the shift that brings in zeros, whatever the sign.</summary>
    public static long ShiftRightUnsigned(long value, long count) => value >>> (int)(count & 63);

    public static long Truth(bool value) => value ? 1 : 0;
}
