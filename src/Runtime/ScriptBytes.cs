using System.Text;

namespace Tapline.Runtime;

/// <summary>
/// A SystemTap string is bytes, not Unicode: `strlen`, `substr`, printf widths and sorting
/// count and compare bytes, and a string may hold bytes that are not UTF-8 at all. Tapline
/// keeps a script's strings as .NET strings of byte values, one char (0 to 255) per byte:
/// script files, user memory, tracepoint fields and /proc are decoded byte for byte (Latin-1),
/// and the script's output is written back byte for byte through <see cref="Encoding"/>.
/// </summary>
public static class ScriptBytes
{
    /// <summary>
    /// Writes each char up to 255 as that byte, and any char above (text that never was a
    /// script string, such as a .NET message) as UTF-8; reads bytes as chars (Latin-1).
    /// </summary>
    public static Encoding Encoding { get; } = new ScriptEncoding();

    /// <summary>The script string holding these bytes.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The script string holding the UTF-8 bytes of a .NET string (a command-line word, a path).</summary>
    public static string FromUnicode(string text) => IsAscii(text) ? text : FromBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>The .NET string a script string's bytes spell in UTF-8 (for a path or a message); invalid bytes become U+FFFD.</summary>
    public static string ToUnicode(string text) => IsAscii(text) ? text : Encoding.UTF8.GetString(ToBytes(text));

    /// <summary>The bytes of a script string.</summary>
    public static byte[] ToBytes(string text) => Encoding.GetBytes(text);

    /// <summary>A /proc or /sys file's bytes as a script string.</summary>
    public static string ReadFile(string path) => FromBytes(File.ReadAllBytes(path));

    private static bool IsAscii(string text) => Ascii.IsValid(text);

    private sealed class ScriptEncoding : Encoding
    {
        public override int GetByteCount(char[] chars, int index, int count) => GetByteCount(chars.AsSpan(index, count));

        public override int GetByteCount(ReadOnlySpan<char> chars)
        {
            var count = 0;
            for (var i = 0; i < chars.Length; i++)
                count += chars[i] <= 0xFF ? 1 : Utf8Of(chars, ref i).Length;
            return count;
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            GetBytes(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex));

        public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            var written = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] <= 0xFF)
                {
                    bytes[written++] = (byte)chars[i];
                    continue;
                }
                var encoded = Utf8Of(chars, ref i);
                encoded.CopyTo(bytes[written..]);
                written += encoded.Length;
            }
            return written;
        }

        public override int GetCharCount(byte[] bytes, int index, int count) => count;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            Latin1.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

        public override int GetMaxByteCount(int charCount) => checked(charCount * 3);

        public override int GetMaxCharCount(int byteCount) => byteCount;

        /// <summary>The UTF-8 of the char at <paramref name="i"/>, with its low surrogate when it has one (then <paramref name="i"/> moves past it).</summary>
        private static byte[] Utf8Of(ReadOnlySpan<char> chars, ref int i)
        {
            var width = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]) ? 2 : 1;
            var encoded = UTF8.GetBytes(chars.Slice(i, width).ToArray());
            i += width - 1;
            return encoded;
        }
    }
}
