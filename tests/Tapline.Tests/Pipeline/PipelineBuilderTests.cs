using Tapline.Cli;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    /// <summary>A pass a researcher might add after optimize: it counts the probes it sees.</summary>
    private sealed class CountProbesPass : IPass<ElaboratedProgram, ElaboratedProgram>
    {
        public PassInfo Info { get; } = new(2, "mine");
        public int Probes { get; private set; } = -1;

        public ElaboratedProgram Run(ElaboratedProgram input, PassContext context)
        {
            Probes = input.Probes.Length;
            return input;
        }
    }

    private static PipelineBuilder Standard() => PipelineBuilder.From(TaplinePipeline.Create());

    [Fact]
    public void InsertAfter_PutsThePassInItsPlace_AndItRuns()
    {
        var mine = new CountProbesPass();
        var pipeline = Standard().InsertAfter("optimize", mine).Build<ScriptInput, ElaboratedProgram>();

        var result = new PipelineRunner().Run(pipeline, new ScriptInput(Passes.Text.SourceText.FromUnicode("t.stp", "probe begin { } probe end { }")),
            new PassContext(TestParser.Options(withLibrary: true), TaplinePipeline.Services(TestPipeline.Catalog)));

        Assert.True(result.Succeeded);
        Assert.Equal(["parse", "elaborate", "optimize", "mine"], pipeline.Passes.Select(p => p.Name));
        Assert.Equal(2, mine.Probes);
    }

    [Fact]
    public void ReplaceAndRemove_EditByName()
    {
        Assert.Equal(["parse", "elaborate", "mine"], Standard().Replace("optimize", new CountProbesPass()).Names);
        Assert.Equal(["parse", "elaborate"], Standard().Remove("optimize").Names);
        Assert.Equal(["parse", "elaborate", "optimize"], Standard().InsertBefore("elaborate", new ParsePass()).Remove("parse").Names);
    }

    [Theory]
    [InlineData("frobnicate", "there is no pass 'frobnicate' (the chain is parse,elaborate,optimize)")]
    public void AnUnknownName_SaysWhatTheChainIs(string name, string message) =>
        Assert.Equal(message, Assert.Throws<PipelineShapeException>(() => Standard().Remove(name)).Message);

    [Fact]
    public void AChainWhosePassesDoNotFit_SaysWhere()
    {
        var error = Assert.Throws<PipelineShapeException>(() => Standard().Select(["elaborate", "parse"]).Build<ScriptInput, IPassOutput>());
        Assert.Equal("pass 'elaborate' takes ParsedProgram, but the script gives ScriptInput", error.Message);

        var misplaced = Assert.Throws<PipelineShapeException>(() => Standard().InsertAfter("parse", new CountProbesPass()).Build<ScriptInput, IPassOutput>());
        Assert.Equal("pass 'mine' takes ElaboratedProgram, but 'parse' gives ParsedProgram", misplaced.Message);
    }

    [Fact]
    public void Select_KeepsTheNamedPassesInOrder_OnceEach()
    {
        Assert.Equal(["parse", "elaborate"], Standard().Select(["parse", "elaborate"]).Names);
        Assert.Equal("pass 'parse' is named twice", Assert.Throws<PipelineShapeException>(() => Standard().Select(["parse", "parse"])).Message);
    }
}
