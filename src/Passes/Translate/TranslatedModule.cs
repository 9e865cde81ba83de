using System.Collections.Immutable;
using System.Text;
using Tapline.Passes.Attachments;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Translate;

/// <summary>
/// Pass 3's output: the C# source of one probe module, how many probes it serves, and what
/// each handler of its table is attached to, in the table's order (a return probe's `@entry`
/// adds a handler on its entry).
/// </summary>
public sealed record TranslatedModule(string ModuleName, string Source, int HandlerCount, ImmutableArray<ProbeAttachment> Attachments) : IPassOutput, IArtifactOutput
{
    public IReadOnlyList<PassArtifact> Artifacts => [new(ModuleName + ".cs", Encoding.UTF8.GetBytes(Source))];

    public string Summary => "translated pass-2 output to C#";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(Encoding.UTF8.GetByteCount(Source), "bytes of C#"),
        new(HandlerCount, "handlers"),
    ];

    public string FileExtension => "cs";

    public void Print(TextWriter writer) => writer.Write(Source);
}
