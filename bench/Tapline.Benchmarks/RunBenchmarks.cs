using BenchmarkDotNet.Attributes;
using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Run;
using Tapline.Passes.Translate;

namespace Tapline.Benchmarks;

/// <summary>
/// Pass 5 without the kernel: the errno pair replaying tests/recordings/syscalls.perf.data
/// (the file's parse and time sort included). Divide by the events the run reports for the
/// cost of one event through the reader's decoding, the dispatch table and the handler.
/// </summary>
[MemoryDiagnoser]
public class RunBenchmarks
{
    private BuiltModule _module = null!;
    private PassContext _context = null!;

    [Params("errno.stp", "errno_any.stp")]
    public string Script { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var context = BenchmarkInputs.Context();
        var elaborated = BenchmarkInputs.Elaborate(BenchmarkInputs.Example(Script), context);
        var translated = new TranslatePass(Script, Path.GetFileNameWithoutExtension(Script)).Run(elaborated, context);
        _module = new BuildPass().Run(translated, new PassContext(BenchmarkInputs.Options with { DisableCache = true }));
        BenchmarkInputs.ThrowOnErrors(context);
        var recording = Path.Combine(BenchmarkInputs.Root, "tests", "recordings", "syscalls.perf.data");
        _context = new PassContext(BenchmarkInputs.Options with { Run = new RunOptions { RecordingPath = recording } });
        Console.WriteLine($"// {Script}: {Replay().EventsHandled} events per replay");
    }

    [Benchmark]
    public RunOutcome Replay() => new RunPass(TextWriter.Null, TextWriter.Null).Run(_module, _context);
}
