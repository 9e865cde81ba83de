using System.Collections.Immutable;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

/// <summary>Pass 1's output: the user's script and the tapset library files, as syntax trees.</summary>
public sealed record ParsedProgram(ScriptSyntax Script, ImmutableArray<ScriptSyntax> Library, long SourceBytes) : IPassOutput
{
    public int FileCount => 1 + Library.Length;

    public int NodeCount => Script.NodeCount + Library.Sum(file => file.NodeCount);

    public string Summary => $"parsed user script and {Library.Length} library scripts";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(NodeCount, "AST nodes"),
        new(FileCount, "files"),
        new(SourceBytes, "bytes"),
    ];

    public string FileExtension => "stp";

    public void Print(TextWriter writer) => writer.Write(SyntaxPrinter.Print(Script));
}
