using System.Text;

namespace Tapline.Passes.Translate;

/// <summary>Indented lines of C#.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    /// <summary>Deeper code is not indented further, so the C# grows linearly with the script however deep it nests.</summary>
    private const int MaxIndentLevels = 40;

    private int _indent;
    private string _nextLinePrefix = "";

    public CodeWriter Line(string line = "")
    {
        line = _nextLinePrefix + line;
        _nextLinePrefix = "";
        if (line.Length > 0)
            _text.Append(' ', Math.Min(_indent, MaxIndentLevels) * 4);
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Code that goes at the start of the next line, on the same line, so that a `#line` map before it still holds.</summary>
    public void PrefixNextLine(string code) => _nextLinePrefix += code;

    /// <summary>A preprocessor line (`#line ...`), which starts in the first column.</summary>
    public CodeWriter Directive(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>A bare `{`, indenting what follows until <see cref="Close"/>.</summary>
    public CodeWriter Begin()
    {
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
