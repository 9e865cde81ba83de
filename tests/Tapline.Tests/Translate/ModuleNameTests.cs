using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Translate;

/// <summary>A script may be named anything: keywords and the runtime's own type names build and run like any other name.</summary>
public sealed class ModuleNameTests
{
    [Theory]
    [InlineData("new.stp")]
    [InlineData("class.stp")]
    [InlineData("int.stp")]
    [InlineData("is.stp")]
    [InlineData("for.stp")]
    [InlineData("var.stp")]
    [InlineData("Statistic.stp")]
    [InlineData("Printf.stp")]
    [InlineData("Strings.stp")]
    [InlineData("ProbeModule.stp")]
    [InlineData("String.stp")]
    [InlineData("List.stp")]
    [InlineData("System.stp")]
    [InlineData("Tapline.stp")]
    [InlineData("my-script.v2.stp")]
    [InlineData("9lives.stp")]
    public void Module_NamedAfterAnyScript_BuildsAndRuns(string fileName)
    {
        var output = new StringWriter();
        var diagnostics = TestPipeline.RunAll(
            "global s probe begin { s <<< 2; printf(\"%d %s\\n\", @sum(s), sprintf(\"%s\", \"ok\")); exit() }",
            fileName, new RunOptions(), output, new StringWriter());

        Assert.True(diagnostics.Count == 0, TestParser.Describe(diagnostics));
        Assert.Equal("2 ok\n", output.ToString());
    }
}
