using System.Text;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Translate;

/// <summary>Pass 3's output: the C# source of one probe module, and how many handlers it holds.</summary>
public sealed record TranslatedModule(string ModuleName, string Source, int HandlerCount) : IPassOutput
{
    public string Summary => "translated pass-2 output to C#";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(Encoding.UTF8.GetByteCount(Source), "bytes of C#"),
        new(HandlerCount, "handlers"),
    ];

    public string FileExtension => "cs";

    public void Print(TextWriter writer) => writer.Write(Source);
}
