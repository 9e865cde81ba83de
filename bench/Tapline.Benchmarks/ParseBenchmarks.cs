using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Text;

namespace Tapline.Benchmarks;

/// <summary>Pass 1 alone (the script and the whole tapset library) on the errno pair.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static readonly string Root = typeof(ParseBenchmarks).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private ScriptInput _input = null!;
    private PipelineOptions _options = null!;

    [Params("errno.stp", "errno_any.stp")]
    public string Script { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _input = new ScriptInput(SourceText.FromFile(Path.Combine(Root, "examples", Script)));
        _options = new PipelineOptions
        {
            LibraryDirectories = ImmutableArray.Create(Path.Combine(Root, "tapsets")),
            Target = TargetDescription.Fixed,
        };
    }

    [Benchmark]
    public ParsedProgram Parse()
    {
        var context = new PassContext(_options);
        var program = new ParsePass().Run(_input, context);
        if (context.Diagnostics.HasErrors)
            throw new InvalidOperationException("the benchmark script does not parse");
        return program;
    }
}
