using System.Collections.Immutable;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

/// <summary>
/// Pass 1's output: the user's script and the tapset library's script files, as syntax
/// trees. <paramref name="LibraryFileCount"/> and <paramref name="SourceBytes"/> also
/// count the library's macro files, whose macros are already expanded in the trees.
/// </summary>
public sealed record ParsedProgram(ScriptSyntax Script, ImmutableArray<ScriptSyntax> Library, int LibraryFileCount, long SourceBytes)
    : IPassOutput
{
    public int FileCount => 1 + LibraryFileCount;

    public int NodeCount => Script.NodeCount + Library.Sum(file => file.NodeCount);

    public string Summary => $"parsed user script and {LibraryFileCount} library scripts";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(NodeCount, "AST nodes"),
        new(FileCount, "files"),
        new(SourceBytes, "bytes"),
    ];

    public string FileExtension => "stp";

    public void Print(TextWriter writer) => writer.Write(SyntaxPrinter.Print(Script));
}
