using Tapline.Passes.Observers;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Text;

namespace Tapline.Tests.Pipeline;

public sealed class PipelineRunnerTests
{
    /// <summary>A pass that may be inserted after parse: it counts the user's declarations.</summary>
    private sealed class CountDeclarationsPass : IPass<ParsedProgram, ParsedProgram>
    {
        public PassInfo Info { get; } = new(1, "count");
        public int Seen { get; private set; } = -1;

        public ParsedProgram Run(ParsedProgram input, PassContext context)
        {
            Seen = input.Script.Declarations.Length;
            return input;
        }
    }

    private sealed record Number(long Value) : IPassOutput
    {
        public string Summary => "made a number";
        public IReadOnlyList<OutputCount> Counts => [new(Value, "units")];
        public string FileExtension => "txt";
        public void Print(TextWriter writer) => writer.WriteLine(Value);
    }

    /// <summary>A stand-in for a later pass, used only to see where the runner stops.</summary>
    private sealed class NumberPass(int number) : IPass<ParsedProgram, Number>
    {
        public PassInfo Info { get; } = new(number, "number");
        public bool Ran { get; private set; }

        public Number Run(ParsedProgram input, PassContext context)
        {
            Ran = true;
            return new Number(input.Script.NodeCount);
        }
    }

    private sealed class RecordingObserver(string name, List<string> events) : IPassObserver
    {
        public void PassStarting(PassInfo pass) => events.Add($"{name} start {pass.Name}");
        public void PassFinished(PassInfo pass, IPassOutput output, PassContext context) => events.Add($"{name} end {pass.Name}");
    }

    private static ScriptInput Input(string text) => new(new SourceText("t.stp", text));

    private static PassContext Context() => new(TestParser.Options());

    [Fact]
    public void Run_InsertedPass_RunsBetweenItsNeighbours()
    {
        var inserted = new CountDeclarationsPass();
        var next = new NumberPass(2);
        var pipeline = Passes.Pipeline.Pipeline.StartWith(new ParsePass()).Then(inserted).Then(next);

        var result = new PipelineRunner().Run(pipeline, Input("probe begin { }\nprobe end { }"), Context());

        Assert.True(result.Succeeded);
        Assert.Equal(2, inserted.Seen);
        Assert.True(next.Ran);
        Assert.Equal(["parse", "count", "number"], pipeline.Passes.Select(p => p.Name));
    }

    [Fact]
    public void Run_KeepsEveryPassOutput_SoAnEarlierOneCanBeReleased()
    {
        // The command unloads the built module from these even when the run's outcome came last.
        var pipeline = Passes.Pipeline.Pipeline.StartWith(new ParsePass()).Then(new NumberPass(2));

        var result = new PipelineRunner().Run(pipeline, Input("probe begin { }"), Context());

        Assert.Equal(2, result.Outputs.Length);
        Assert.IsType<ParsedProgram>(result.Outputs[0]);
        Assert.Same(result.LastOutput, result.Outputs[1]);
    }

    [Fact]
    public void Run_StopAfterOne_DoesNotRunPassTwo()
    {
        var next = new NumberPass(2);
        var pipeline = Passes.Pipeline.Pipeline.StartWith(new ParsePass()).Then(next);

        var result = new PipelineRunner().Run(pipeline, Input("probe begin { }"), Context(), stopAfter: 1);

        Assert.Equal("parse", result.LastPass?.Name);
        Assert.False(next.Ran);
    }

    [Fact]
    public void Run_PassWithErrors_StopsBeforeTheNextPass()
    {
        var next = new NumberPass(2);
        var pipeline = Passes.Pipeline.Pipeline.StartWith(new ParsePass()).Then(next);
        var context = Context();

        var result = new PipelineRunner().Run(pipeline, Input("probe begin {"), context);

        Assert.False(result.Succeeded);
        Assert.True(context.Diagnostics.HasErrors);
        Assert.False(next.Ran);
    }

    [Fact]
    public void Run_Observers_StartInReverseAndFinishInOrder()
    {
        var events = new List<string>();
        var runner = new PipelineRunner()
            .Observe(new RecordingObserver("timer", events))
            .Observe(new RecordingObserver("printer", events));

        runner.Run(Passes.Pipeline.Pipeline.StartWith(new ParsePass()), Input("probe begin { }"), Context());

        Assert.Equal(["printer start parse", "timer start parse", "timer end parse", "printer end parse"], events);
    }

    [Fact]
    public void PassTimer_RecordsTimeAllocationAndCounts()
    {
        var timer = new PassTimer();
        new PipelineRunner().Observe(timer)
            .Run(Passes.Pipeline.Pipeline.StartWith(new ParsePass()), Input("probe begin { x = 1 }"), Context());

        var measurement = Assert.Single(timer.Measurements);
        Assert.Equal("parse", measurement.Pass.Name);
        Assert.True(measurement.WallTime > TimeSpan.Zero);
        Assert.True(measurement.AllocatedBytes > 0);
        Assert.Contains(measurement.Counts, c => c.Unit == "AST nodes" && c.Value > 0);
        var libraryFiles = Directory.EnumerateFiles(Repository.Tapsets, "*.stp*", SearchOption.AllDirectories).Count();
        Assert.Contains(measurement.Counts, c => c.Unit == "files" && c.Value == 1 + libraryFiles);
    }

    [Fact]
    public void VerboseReporter_WritesStapStyleLine()
    {
        var timer = new PassTimer();
        var writer = new StringWriter();
        new PipelineRunner().Observe(timer).Observe(new VerboseReporter(timer, writer))
            .Run(Passes.Pipeline.Pipeline.StartWith(new ParsePass()), Input("probe begin { }"), Context());

        Assert.Matches(@"^Pass 1: parsed user script and indexed \d+ library files: \d+ AST nodes, \d+ files, \d+ bytes in \d+ ms\r?\n$",
            writer.ToString());
    }

    [Fact]
    public void VerboseReporter_InsertedPass_NamesItself()
    {
        var timer = new PassTimer();
        var writer = new StringWriter();
        var pipeline = Passes.Pipeline.Pipeline.StartWith(new ParsePass()).Then(new CountDeclarationsPass());
        new PipelineRunner().Observe(timer).Observe(new VerboseReporter(timer, writer)).Run(pipeline, Input("probe begin { }"), Context());

        Assert.Contains("Pass 1 (count): parsed user script", writer.ToString());
    }

    [Fact]
    public void PassDumper_WritesEveryPassOutputAndNoTemporaryFile()
    {
        var directory = Directory.CreateTempSubdirectory("tapline-dump-").FullName;
        try
        {
            var pipeline = Passes.Pipeline.Pipeline.StartWith(new ParsePass()).Then(new NumberPass(2));
            new PipelineRunner().Observe(new PassDumper(directory, "script"))
                .Run(pipeline, Input("probe begin { }"), Context());

            Assert.Equal(["script.p1.stp", "script.p2-number.txt"],
                Directory.GetFiles(directory).Select(Path.GetFileName).Order());
            Assert.Equal("probe begin {\n}\n", File.ReadAllText(Path.Combine(directory, "script.p1.stp")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
