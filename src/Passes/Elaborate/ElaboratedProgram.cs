using System.Collections.Immutable;
using Tapline.Passes.Binding;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// Pass 2's output: the resolved program. Every probe is a concrete point with its
/// handler; functions and globals are the ones the probes reach, with their types.
/// </summary>
public sealed record ElaboratedProgram(
    ImmutableArray<BoundProbe> Probes,
    ImmutableArray<FunctionDefinition> Functions,
    ImmutableArray<GlobalSymbol> Globals,
    int LibraryFilesParsed) : IPassOutput
{
    /// <summary>What made it: "analyzed script" after elaboration, "optimized script" after optimization.</summary>
    public string Summary { get; init; } = "analyzed script";

    /// <summary>The user's script, whose code (and not the library's) gets stap's warnings.</summary>
    public Text.SourceText? Script { get; init; }

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(Probes.Length, "probes"),
        new(Functions.Length, "functions"),
        new(Globals.Length, "globals"),
        new(LibraryFilesParsed, "library files parsed"),
    ];

    public string FileExtension => "txt";

    public void Print(TextWriter writer) => ElaboratedProgramPrinter.Print(this, writer, withBodies: false);

    /// <summary>As stap's `-p2 -v`: each function's and probe's body too, as it stands after this pass.</summary>
    public void PrintDetailed(TextWriter writer) => ElaboratedProgramPrinter.Print(this, writer, withBodies: true);
}
