using BenchmarkDotNet.Attributes;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Translate;

namespace Tapline.Benchmarks;

/// <summary>Pass 3 alone: the resolved program to C#.</summary>
[MemoryDiagnoser]
public class TranslateBenchmarks
{
    private ElaboratedProgram _program = null!;

    [ParamsSource(nameof(Scripts))]
    public string Script { get; set; } = "";

    public static IEnumerable<string> Scripts => BenchmarkInputs.Scripts;

    [GlobalSetup]
    public void Setup() => _program = BenchmarkInputs.Elaborate(BenchmarkInputs.Example(Script), BenchmarkInputs.Context());

    [Benchmark]
    public TranslatedModule Translate() =>
        new TranslatePass(Script, Path.GetFileNameWithoutExtension(Script)).Run(_program, BenchmarkInputs.Context());
}
