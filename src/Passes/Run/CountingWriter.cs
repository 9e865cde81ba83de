using System.Text;

namespace Tapline.Passes.Run;

/// <summary>Passes text through to another writer and counts the bytes (UTF-8) that went by.</summary>
internal sealed class CountingWriter(TextWriter inner) : TextWriter
{
    public long Bytes { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Bytes += value < 0x80 ? 1 : Encoding.UTF8.GetByteCount([value]);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null)
            return;
        Bytes += Encoding.UTF8.GetByteCount(value);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Bytes += Encoding.UTF8.GetByteCount(buffer, index, count);
        inner.Write(buffer, index, count);
    }

    public override void Flush() => inner.Flush();
}
