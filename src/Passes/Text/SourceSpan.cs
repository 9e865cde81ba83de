namespace Tapline.Passes.Text;

/// <summary>A range of characters in a source file; line and column are computed on demand.</summary>
public readonly record struct SourceSpan(SourceText Source, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>One-based line number.</summary>
    public int Line => Source.GetLineIndex(Start) + 1;

    /// <summary>One-based column number.</summary>
    public int Column => Start - Source.GetLineStart(Source.GetLineIndex(Start)) + 1;

    public static SourceSpan FromBounds(SourceText source, int start, int end) => new(source, start, Math.Max(0, end - start));

    public override string ToString() => $"{Source.FileName}:{Line}:{Column}";
}
