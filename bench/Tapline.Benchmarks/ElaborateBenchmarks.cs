using BenchmarkDotNet.Attributes;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Parse;

namespace Tapline.Benchmarks;

/// <summary>
/// Passes 1 and 2 together (parse, elaborate, optimize) on the errno pair, a large script and a small one, as `-p2` runs
/// them: the library files the script needs are parsed inside elaboration.
/// </summary>
[MemoryDiagnoser]
public class ElaborateBenchmarks
{
    private ScriptInput _input = null!;

    [ParamsSource(nameof(Scripts))]
    public string Script { get; set; } = "";

    public static IEnumerable<string> Scripts => BenchmarkInputs.Scripts;

    [GlobalSetup]
    public void Setup() => _input = BenchmarkInputs.Example(Script);

    [Benchmark]
    public ElaboratedProgram ParseAndElaborate() => BenchmarkInputs.Elaborate(_input, BenchmarkInputs.Context());
}
