using Tapline.Runtime;

namespace Tapline.Passes.Text;

/// <summary>The text of one script file, with its line starts for positions.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string fileName, string text)
    {
        FileName = fileName;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    public string FileName { get; }
    public string Text { get; }
    public int Length => Text.Length;
    public int LineCount => _lineStarts.Length;

    /// <summary>A script file, one char per byte (as SystemTap counts columns and as its strings hold bytes: see <see cref="ScriptBytes"/>).</summary>
    /// <summary>A script given as .NET text (`-e`, a test): its UTF-8 bytes, one char per byte, as <see cref="FromFile"/> reads a file.</summary>
    public static SourceText FromUnicode(string fileName, string text) => new(fileName, ScriptBytes.FromUnicode(text));

    public static SourceText FromFile(string path) => new(ScriptBytes.FromUnicode(path), ScriptBytes.ReadFile(path));

    /// <summary>The zero-based index of the line holding <paramref name="position"/>.</summary>
    public int GetLineIndex(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    public int GetLineStart(int lineIndex) => _lineStarts[lineIndex];

    /// <summary>The text of a line, without its line break.</summary>
    public string GetLine(int lineIndex)
    {
        var start = _lineStarts[lineIndex];
        var end = lineIndex + 1 < _lineStarts.Length ? _lineStarts[lineIndex + 1] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                starts.Add(i + 1);
        }
        return starts.ToArray();
    }

    public override string ToString() => FileName;
}
