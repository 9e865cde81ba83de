namespace Tapline.Passes.Syntax;

/// <summary>SystemTap's number literals: decimal, octal (leading 0) and hexadecimal (0x).</summary>
public static class NumberLiteral
{
    public enum Reading
    {
        Valid,
        Malformed,
        TooLarge,
    }

    /// <summary>Reads a literal's magnitude; it must fit in 64 unsigned bits.</summary>
    public static Reading TryRead(string text, out ulong magnitude, out bool isDecimal)
    {
        var (digits, radix) = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? (text[2..], 16)
            : text.Length > 1 && text[0] == '0' ? (text[1..], 8)
            : (text, 10);
        isDecimal = radix == 10;
        magnitude = 0;
        if (digits.Length == 0 || !digits.All(c => DigitValue(c) < radix))
            return Reading.Malformed;

        foreach (var digit in digits)
        {
            var value = (ulong)DigitValue(digit);
            if (magnitude > (ulong.MaxValue - value) / (ulong)radix)
                return Reading.TooLarge;
            magnitude = magnitude * (ulong)radix + value;
        }
        return Reading.Valid;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => int.MaxValue,
    };
}
