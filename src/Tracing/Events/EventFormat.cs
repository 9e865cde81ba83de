using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Text;
using Tapline.Tracing.Catalog;

namespace Tapline.Tracing.Events;

/// <summary>
/// A tracepoint's format made ready for decoding: fields by name, each read from the raw
/// record at its offset, with its size and signedness.
/// </summary>
public sealed class EventFormat
{
    private readonly FrozenDictionary<string, TracepointField> _fields;

    public EventFormat(TracepointFormat format)
    {
        Format = format;
        _fields = format.Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public TracepointFormat Format { get; }

    public string FullName => Format.FullName;

    public TracepointField? Find(string name) => _fields.GetValueOrDefault(name);

    /// <summary>A numeric field, or element <paramref name="index"/> of an array field.</summary>
    public long ReadNumber(ReadOnlySpan<byte> raw, string name, long index = 0)
    {
        var field = Require(name);
        var elementSize = field.ArrayLength is > 0 ? field.Size / field.ArrayLength.Value : field.Size;
        var count = field.ArrayLength is > 0 ? field.ArrayLength.Value : 1;
        if (index < 0 || index >= count)
            throw new IndexOutOfRangeException($"${name}[{index}] is outside the field's {count} elements");
        return ReadInteger(Slice(raw, field.Offset + (int)index * elementSize, elementSize, name), field.IsSigned);
    }

    /// <summary>A text field: a fixed char array (`comm`) or a `__data_loc char[]`.</summary>
    public string ReadText(ReadOnlySpan<byte> raw, string name)
    {
        var field = Require(name);
        var bytes = Slice(raw, field.Offset, field.Size, name);
        if (field.IsDataLocation)
        {
            var location = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            bytes = Slice(raw, (int)(location & 0xffff), (int)(location >> 16), name);
        }
        var end = bytes.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>Every field but the common ones as `name=value`, for `$$vars`.</summary>
    public string Describe(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder();
        foreach (var field in Format.OwnFields)
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(field.Name).Append('=');
            if (field.IsString)
                text.Append('"').Append(ReadText(raw, field.Name)).Append('"');
            else if (field.ArrayLength is > 0)
                AppendArray(text, raw, field);
            else
                text.Append(field.IsPointer ? Hex(ReadNumber(raw, field.Name)) : ReadNumber(raw, field.Name).ToString());
        }
        return text.ToString();
    }

    private void AppendArray(StringBuilder text, ReadOnlySpan<byte> raw, TracepointField field)
    {
        text.Append('[');
        for (var i = 0; i < field.ArrayLength!.Value; i++)
            text.Append(i > 0 ? ", " : "").Append(Hex(ReadNumber(raw, field.Name, i)));
        text.Append(']');
    }

    private static string Hex(long value) => $"0x{value:x}";

    private TracepointField Require(string name) =>
        _fields.GetValueOrDefault(name) ?? throw new KeyNotFoundException($"tracepoint {FullName} has no field '{name}'");

    private ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> raw, int offset, int size, string name) =>
        offset >= 0 && size >= 0 && offset + size <= raw.Length
            ? raw.Slice(offset, size)
            : throw new InvalidDataException($"field '{name}' of {FullName} lies outside its {raw.Length}-byte record");

    private static long ReadInteger(ReadOnlySpan<byte> bytes, bool signed) => bytes.Length switch
    {
        1 => signed ? (sbyte)bytes[0] : bytes[0],
        2 => signed ? BinaryPrimitives.ReadInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => signed ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        8 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        _ => throw new InvalidDataException($"a {bytes.Length}-byte field is not a number"),
    };
}
