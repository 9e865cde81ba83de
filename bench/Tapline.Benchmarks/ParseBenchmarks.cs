using BenchmarkDotNet.Attributes;
using Tapline.Passes.Parse;

namespace Tapline.Benchmarks;

/// <summary>Pass 1 alone (the script, the library's macros and its index) on the errno pair, a large script and a small one.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private ScriptInput _input = null!;

    [ParamsSource(nameof(Scripts))]
    public string Script { get; set; } = "";

    public static IEnumerable<string> Scripts => BenchmarkInputs.Scripts;

    [GlobalSetup]
    public void Setup() => _input = BenchmarkInputs.Example(Script);

    [Benchmark]
    public ParsedProgram Parse()
    {
        var context = BenchmarkInputs.Context();
        var program = new ParsePass().Run(_input, context);
        BenchmarkInputs.ThrowOnErrors(context);
        return program;
    }
}
