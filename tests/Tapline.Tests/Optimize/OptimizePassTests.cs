using Tapline.Cli;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Optimize;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Optimize;

/// <summary>Optimize returns a new program: elaboration's output, its input, stays as it was.</summary>
public sealed class OptimizePassTests
{
    [Fact]
    public void Optimize_LeavesElaboratesOutputAsItWas_ItsFunctionsAreNewValues()
    {
        // f's dead assignment is elided: optimize's definition of f differs, elaborate's keeps it.
        var context = new PassContext(TestParser.Options(withLibrary: true), TaplinePipeline.Services(TestPipeline.Catalog));
        var result = new PipelineRunner().Run(TaplinePipeline.Create(),
            new ScriptInput(Passes.Text.SourceText.FromUnicode("t.stp", "function f() { x = 1; return 2 } probe begin { println(f()) }")), context);

        var elaborated = Assert.IsType<ElaboratedProgram>(result.Outputs[1]);
        var optimized = Assert.IsType<ElaboratedProgram>(result.Outputs[2]);
        var before = elaborated.Functions.Single(f => f.Name == "f");
        var after = optimized.Functions.Single(f => f.Name == "f");
        Assert.Same(before.Symbol, after.Symbol);
        Assert.Equal(2, before.Body!.Statements.Length);
        Assert.Single(before.Locals);
        Assert.Single(after.Body!.Statements);
        Assert.Empty(after.Locals);
    }

    [Fact]
    public void Optimize_ReturnsANewProgram_AndLeavesItsInputUnchanged()
    {
        var (input, diagnostics) = TestPipeline.Elaborate("function f(x) { y = x * 2; return x } probe begin { unused = 1; println(f(2)) }", optimize: false);
        Assert.True(input is not null, TestParser.Describe(diagnostics));
        var before = Detailed(input);

        var output = new OptimizePass().Run(input, new PassContext(TestParser.Options()));

        Assert.Equal(before, Detailed(input));
        Assert.NotEqual(before, Detailed(output));
        Assert.Contains("unused = 1", before);
        Assert.DoesNotContain("unused = 1", Detailed(output));
        Assert.DoesNotContain("y = (x * 2)", Detailed(output));
    }

    private static string Detailed(ElaboratedProgram program)
    {
        var writer = new StringWriter();
        program.PrintDetailed(writer);
        return writer.ToString();
    }
}
