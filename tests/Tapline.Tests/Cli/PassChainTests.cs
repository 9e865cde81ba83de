namespace Tapline.Tests.Cli;

/// <summary>`--list-passes`, `--passes` and `--print-after`: the chain of passes named on the command line.</summary>
public sealed class PassChainTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => CommandRuns.InProcess(args);

    [Fact]
    public void ListPasses_PrintsTheChainWithTheFormsEachTakesAndGives()
    {
        var outcome = Run("--list-passes");

        Assert.Equal(0, outcome.Code);
        Assert.Equal(
            "1 parse: ScriptInput -> ParsedProgram\n2 elaborate: ParsedProgram -> ElaboratedProgram\n" +
            "2 optimize: ElaboratedProgram -> ElaboratedProgram\n3 translate: ElaboratedProgram -> TranslatedModule\n" +
            "4 build: TranslatedModule -> BuiltModule\n5 run: BuiltModule -> RunOutcome\n",
            outcome.Stdout);
        Assert.DoesNotContain("optimize", Run("--list-passes", "-u").Stdout);
        Assert.Equal("1 parse: ScriptInput -> ParsedProgram\n2 elaborate: ParsedProgram -> ElaboratedProgram\n",
            Run("--list-passes", "--passes=parse,elaborate").Stdout);
    }

    [Theory]
    [InlineData("parse,translate", "--passes: pass 'translate' takes ElaboratedProgram, but 'parse' gives ParsedProgram")]
    [InlineData("parse,elaborate,mine", "--passes: there is no pass 'mine' (the chain is parse,elaborate,optimize,translate,build,run)")]
    [InlineData("parse,parse", "--passes: pass 'parse' is named twice")]
    public void Passes_ThatDoNotMakeAChain_AreRefusedWithWhere(string chain, string message)
    {
        var outcome = Run("--passes=" + chain, "-e", "probe begin { exit() }");

        Assert.Equal(1, outcome.Code);
        Assert.Equal("tapline: " + message + "\n", outcome.Stderr);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Passes_WithoutOptimize_ElaborateAsMinusU()
    {
        // A local statistic nothing reads is elided before its check, unless nothing elides after elaboration.
        var script = "probe begin { x <<< 1 }";
        Assert.Equal(0, Run("-p2", "-e", script).Code);
        var outcome = Run("--passes=parse,elaborate", "-p2", "-e", script);
        Assert.Equal(1, outcome.Code);
        Assert.Contains("STP2041", outcome.Stderr);
    }

    [Fact]
    public void PrintAfter_PrintsThatPassesOutput_AndAnUnknownNameIsRefused()
    {
        var printed = Run("--print-after", "parse", "-p2", "-e", "probe begin { exit() }");
        Assert.Equal(0, printed.Code);
        Assert.StartsWith("probe begin", printed.Stdout); // pass 1's script, then pass 2's listing
        Assert.Contains("# probes", printed.Stdout);

        var unknown = Run("--print-after", "mine", "-e", "probe begin { exit() }");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("--print-after: there is no pass 'mine'", unknown.Stderr);
    }
}
