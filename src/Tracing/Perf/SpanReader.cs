using System.Buffers.Binary;
using System.Text;

namespace Tapline.Tracing.Perf;

/// <summary>Reads little-endian values in order from bytes the kernel or perf wrote; running out is an <see cref="InvalidDataException"/> naming <paramref name="what"/>.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> bytes, string what)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > _bytes.Length)
            throw new InvalidDataException($"{what} ends at byte {_bytes.Length}, inside a {count}-byte item at {_position}");
        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }

    /// <summary>An item whose size the data itself announces (so may be corrupt).</summary>
    public ReadOnlySpan<byte> Take(ulong count) =>
        count <= int.MaxValue ? Take((int)count) : throw new InvalidDataException($"{what} announces an item of {count} bytes at {_position}");

    public void Skip(int count) => Take(count);

    public byte Byte() => Take(1)[0];

    public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A NUL-terminated string, one char per byte (a script string: see Tapline.Runtime.ScriptBytes).</summary>
    public string CString()
    {
        var end = _bytes[_position..].IndexOf((byte)0);
        if (end < 0)
            throw new InvalidDataException($"{what} has an unterminated name at byte {_position}");
        var text = Encoding.Latin1.GetString(_bytes.Slice(_position, end));
        _position += end + 1;
        return text;
    }
}
