using System.Text;
using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>Passes text through to another writer and counts the bytes that went by (a script string's chars are bytes: see <see cref="ScriptBytes"/>).</summary>
internal sealed class CountingWriter(TextWriter inner) : TextWriter
{
    public long Bytes { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Bytes += value <= 0xFF ? 1 : ScriptBytes.Encoding.GetByteCount([value]);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null)
            return;
        Bytes += ScriptBytes.Encoding.GetByteCount(value);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Bytes += ScriptBytes.Encoding.GetByteCount(buffer, index, count);
        inner.Write(buffer, index, count);
    }

    public override void Flush() => inner.Flush();
}
