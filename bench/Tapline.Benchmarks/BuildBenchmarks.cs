using BenchmarkDotNet.Attributes;
using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Translate;

namespace Tapline.Benchmarks;

/// <summary>Pass 4 alone, without the build cache: Roslyn compiling the module and loading it (then unloading it).</summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private TranslatedModule _module = null!;
    private PassContext _context = null!;

    [ParamsSource(nameof(Scripts))]
    public string Script { get; set; } = "";

    public static IEnumerable<string> Scripts => BenchmarkInputs.Scripts;

    [GlobalSetup]
    public void Setup()
    {
        var context = BenchmarkInputs.Context();
        _module = new TranslatePass(Script, Path.GetFileNameWithoutExtension(Script)).Run(BenchmarkInputs.Elaborate(BenchmarkInputs.Example(Script), context), context);
        _context = new PassContext(BenchmarkInputs.Options with { DisableCache = true });
    }

    [Benchmark]
    public long Build()
    {
        var built = new BuildPass().Run(_module, _context);
        built.Unload();
        return built.AssemblyBytes;
    }
}
