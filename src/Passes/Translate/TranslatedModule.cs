using System.Collections.Immutable;
using System.Text;
using Tapline.Passes.Attachments;
using Tapline.Passes.Pipeline;
using Tapline.Tracing.Bpf;
using Tapline.Tracing.Capture;

namespace Tapline.Passes.Translate;

/// <summary>
/// Pass 3's output: the C# source of one probe module, how many probes it serves, and what
/// each handler of its table is attached to, in the table's order (a return probe's `@entry`
/// adds a handler on its entry).
/// </summary>
public sealed record TranslatedModule(string ModuleName, string Source, int HandlerCount, ImmutableArray<ProbeAttachment> Attachments) : IPassOutput, IArtifactOutput
{
    /// <summary>The kernel-side programs that copy user memory while the events fire, one per tracepoint that needs one.</summary>
    public ImmutableArray<CaptureProgram> Captures { get; init; } = [];

    public IReadOnlyList<PassArtifact> Artifacts => [new(ModuleName + ".cs", Encoding.UTF8.GetBytes(Source))];

    public string Summary => "translated pass-2 output to C#";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(Encoding.UTF8.GetByteCount(Source), "bytes of C#"),
        new(HandlerCount, "handlers"),
        .. Captures.Length == 0 ? [] : new OutputCount[]
        {
            new(Captures.SelectMany(c => c.Programs).Sum(p => p.Instructions.Length), "BPF instructions"),
            new(Captures.SelectMany(c => c.Programs).Sum(p => p.ByteSize), "bytes of BPF"),
        },
    ];

    public string FileExtension => "cs";

    /// <summary>The C#, then each capture program (and its exit program) disassembled, as comments, each part marked with the read it serves.</summary>
    public void Print(TextWriter writer)
    {
        writer.Write(Source);
        foreach (var capture in Captures)
        {
            writer.WriteLine();
            writer.WriteLine($"// Kernel-side program for {capture.Plan.Tracepoint}: {capture.Program.Instructions.Length} instructions, " +
                $"{capture.Program.ByteSize} bytes; a {capture.BufferBytes}-byte record buffer per CPU.");
            PrintProgram(writer, capture.Program);
            if (capture.Retry is { } retry)
            {
                writer.WriteLine();
                writer.WriteLine($"// Its exit program, for the strings that faulted: {retry.Instructions.Length} instructions, {retry.ByteSize} bytes.");
                PrintProgram(writer, retry);
            }
        }
    }

    private static void PrintProgram(TextWriter writer, BpfProgram program)
    {
        foreach (var line in BpfDisassembler.Print(program).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            writer.WriteLine("// " + line);
    }
}
