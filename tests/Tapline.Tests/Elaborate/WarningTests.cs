using Tapline.Cli;

namespace Tapline.Tests.Elaborate;

/// <summary>stap's pass-2 warnings, for the user's script only: never-assigned locals, and what the optimizer leaves out.</summary>
public sealed class WarningTests
{
    [Theory]
    [InlineData("probe begin { y = x + 1; println(y) }", "STP2035", "1:19", "never-assigned local variable 'x'")]
    [InlineData("function f(a) { return a + b }\nprobe begin { println(f(1)) }", "STP2035", "1:28", "never-assigned local variable 'b'")]
    [InlineData("probe kprocess.exit { println(code + 1) }", "STP2035", "1:31", "never-assigned local variable 'code'")]
    [InlineData("global g, h\nprobe begin { h = 1 }", "STP2037", "1:8", "eliding unused variable 'g'")]
    [InlineData("function unused() { return 1 }\nprobe begin { }", "STP2036", "1:1", "eliding unused function 'unused'")]
    [InlineData("probe begin { y = 5 }", "STP2038", "1:15", "eliding assignment to 'y'")]
    [InlineData("probe begin { 1 + 2 }", "STP2039", "1:15", "eliding side-effect-free expression")]
    public void Script_GetsStapsWarning(string script, string id, string position, string message)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script);

        Assert.NotNull(program);
        var warning = Assert.Single(diagnostics.Sorted(), d => d.Id == id);
        Assert.Equal(Passes.Diagnostics.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(position, $"{warning.Location!.Value.Line}:{warning.Location!.Value.Column}");
        Assert.Contains(message, warning.Message);
    }

    [Theory]
    [InlineData("probe begin { x = 0; x++; foreach (k in a) println(k); try { } catch (e) { println(e) } println(x) } global a")]
    [InlineData("probe syscall.openat { printf(\"%s %d\\n\", filename, flags) }")]
    [InlineData("probe scheduler.ctxswitch { println(next_task_name) }")]
    public void AssignedLocalsAndTheLibrarysCode_GetNoWarning(string script)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script.Replace("global a", "global a\nprobe end { a[1] = 1 }"));

        Assert.NotNull(program);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.Id == "STP2035");
    }

    [Fact]
    public void LocalStatistic_ThatNothingReads_IsElidedBeforeItsTypeIsChecked_AsStapDoes()
    {
        var (program, diagnostics) = TestPipeline.Elaborate("probe begin { x <<< 1; y += 2 }");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        Assert.Equal(["STP2038", "STP2038"], diagnostics.Sorted().Select(d => d.Id).ToArray());
        var (unoptimized, refused) = TestPipeline.Elaborate("probe begin { x <<< 1 }", optimize: false);
        Assert.Null(unoptimized);
        Assert.Contains(refused, d => d.Id == "STP2041");
    }

    [Fact]
    public void ConstantConditions_KeepOnlyTheBranchTaken_BeforeLocalStatisticsAreChecked()
    {
        var (program, diagnostics) = TestPipeline.Elaborate(
            "probe begin { if (0) { x <<< 1; println(@count(x)) } else println(\"else\"); while (0) { y <<< 1; println(@count(y)) } }");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        var probe = Assert.Single(program.Probes);
        Assert.Empty(probe.Locals);
    }

    [Theory]
    [InlineData("probe begin { if (0) { y = \"s\" + 1 } println(1) }")]
    [InlineData("probe begin { if (!1) y = \"s\" + 1; else println(1) }")]
    [InlineData("probe begin { while (0) { y = \"s\"; y++ } println(1) }")]
    [InlineData("probe begin { println(1 ? 2 : \"s\" + 1) }")]
    public void TypeConflicts_InABranchALiteralConditionNeverTakes_AreElidedFirst_AsStapDoes(string script)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script);
        Assert.True(program is not null, TestParser.Describe(diagnostics));

        var (unoptimized, refused) = TestPipeline.Elaborate(script, optimize: false);
        Assert.Null(unoptimized);
        Assert.Contains(refused, d => d.Id == "STP2005");
    }

    [Fact]
    public void Warnings_GoToStderr_AreSilencedByW_AndFailTheRunWithCapitalW()
    {
        const string script = "global unused probe begin { exit() }";
        var (plain, plainErrors, plainCode) = Run(["-e", script]);
        var (_, silencedErrors, silencedCode) = Run(["-w", "-e", script]);
        var (_, fatalErrors, fatalCode) = Run(["-W", "-e", script]);

        Assert.Equal((0, ""), (plainCode, plain));
        Assert.Contains("warning: eliding unused variable 'unused' [STP2037]", plainErrors);
        Assert.Equal((0, ""), (silencedCode, silencedErrors));
        Assert.NotEqual(0, fatalCode);
        Assert.Contains("error: eliding unused variable 'unused' [STP2037]", fatalErrors);
    }

    private static (string Output, string Errors, int Code) Run(string[] arguments)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = TaplineCommand.Run(["--disable-cache", .. arguments], output, errors);
        return (output.ToString(), errors.ToString(), code);
    }
}
