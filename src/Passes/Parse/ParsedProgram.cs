using Tapline.Passes.Pipeline;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Parse;

/// <summary>
/// Pass 1's output: the user's script as a syntax tree, and the tapset library, indexed
/// and parsed on demand. <paramref name="SourceBytes"/> counts every file read.
/// </summary>
public sealed record ParsedProgram(ScriptSyntax Script, TapsetLibrary Library, long SourceBytes) : IPassOutput
{
    public int FileCount => 1 + Library.MacroFileCount + Library.Files.Length;

    public string Summary => $"parsed user script and indexed {Library.MacroFileCount + Library.Files.Length} library files";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(Script.NodeCount, "AST nodes"),
        new(FileCount, "files"),
        new(SourceBytes, "bytes"),
    ];

    public string FileExtension => "stp";

    public void Print(TextWriter writer) => writer.Write(SyntaxPrinter.Print(Script));
}
