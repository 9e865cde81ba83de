using System.Buffers.Binary;

namespace Tapline.Tracing.Capture;

/// <summary>
/// Reads what a capture program copied after a record: slots of a 16-byte header (the pointer,
/// the copy's result, the slot's capacity) and the bytes. The result is what
/// `bpf_probe_read_user_str` returned: the length with its NUL, or a negative errno.
/// </summary>
public static class CapturedMemory
{
    public const int HeaderSize = 16;

    /// <summary>The first slot copied from <paramref name="address"/>, or false when none was.</summary>
    public static bool TryFind(ReadOnlySpan<byte> raw, int slotsStart, long address, out CapturedString captured)
    {
        var position = slotsStart;
        while (slotsStart > 0 && position + HeaderSize <= raw.Length)
        {
            var pointer = BinaryPrimitives.ReadInt64LittleEndian(raw[position..]);
            var result = BinaryPrimitives.ReadInt32LittleEndian(raw[(position + 8)..]);
            var capacity = BinaryPrimitives.ReadInt32LittleEndian(raw[(position + 12)..]);
            if (pointer == address)
            {
                var available = raw.Length - position - HeaderSize;
                captured = new CapturedString(result, raw.Slice(position + HeaderSize, Math.Clamp(result - 1, 0, available)));
                return true;
            }
            if (capacity <= 0)
                break;
            position += HeaderSize + capacity;
        }
        captured = default;
        return false;
    }
}

/// <summary>One copied string: its text (without the NUL), or the errno of a copy that faulted.</summary>
public readonly ref struct CapturedString(int result, ReadOnlySpan<byte> text)
{
    public bool Faulted => result <= 0;

    /// <summary>The copy's errno (EFAULT, say) when it faulted.</summary>
    public int Error => -result;

    public ReadOnlySpan<byte> Text { get; } = text;
}
