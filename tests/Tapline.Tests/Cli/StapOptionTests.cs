using Tapline.Cli;

namespace Tapline.Tests.Cli;

/// <summary>stap's command line as stap reads it: options anywhere, and the options stap users pass.</summary>
public sealed class StapOptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(["--disable-cache", .. args], stdout, stderr);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    private string Script(string text)
    {
        var path = Path.Combine(_directory, "script.stp");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Options_AfterTheScriptName_AreOptions()
    {
        var outcome = Run(Script("probe begin { println(@1) }"), "-p1", "word");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("probe begin {\n  println(\"word\");\n}\n", outcome.Stdout);
    }

    [Fact]
    public void DoubleDash_EndsTheOptions()
    {
        var outcome = Run("-e", "probe begin { printf(\"%s %s\\n\", @1, @2); exit() }", "--", "-t", "-b");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("-t -b\n", outcome.Stdout);
    }

    [Fact]
    public void WordsStartingWithAt_AreScriptsAndArguments_NotResponseFiles()
    {
        var outcome = Run("-p1", "-e", "@define twice(x) %( @x * 2 %) probe begin { println(@twice(2), @1) }", "@file");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("probe begin {\n  println(2 * 2, \"@file\");\n}\n", outcome.Stdout);
    }

    [Fact]
    public void ShortOptions_ClusterAndTakeGluedValues()
    {
        var outcome = Run("-gup1", "-e", "probe begin { x = %{ 1 %} }");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("%{ 1 %}", outcome.Stdout);
    }

    [Theory]
    [InlineData(new[] { "-Z", "-e", "probe begin { }" }, "tapline: unknown option '-Z'")]
    [InlineData(new[] { "-e", "probe begin { }", "-3" }, "tapline: unknown option '-3'")]
    [InlineData(new[] { "-b", "-e", "probe begin { }" }, "tapline: -b is not supported: bulk mode")]
    [InlineData(new[] { "-F", "-e", "probe begin { }" }, "tapline: -F is not supported: flight recorder")]
    [InlineData(new[] { "--remote", "host", "-e", "probe begin { }" }, "tapline: --remote is not supported")]
    [InlineData(new[] { "-G", "1x=2", "-e", "probe begin { }" }, "tapline: -G takes NAME=VALUE")]
    [InlineData(new[] { "-G", "novalue", "-e", "probe begin { }" }, "tapline: -G takes NAME=VALUE")]
    [InlineData(new[] { "--compatible=four", "-e", "probe begin { }" }, "tapline: --compatible takes a SystemTap version")]
    [InlineData(new[] { "--rlimit-cpu=abc", "-e", "probe begin { }" }, "tapline: --rlimit-cpu takes a non-negative number, not 'abc'")]
    [InlineData(new[] { "--rlimit-nproc=-1", "-e", "probe begin { }" }, "tapline: --rlimit-nproc takes a non-negative number, not '-1'")]
    [InlineData(new[] { "--rlimit-as=4096", "-e", "probe begin { }" }, "tapline: --rlimit-as=4096 is below the")]
    [InlineData(new[] { "-o", "out-%Q.txt", "-e", "probe begin { }" }, "tapline: -o: '%Q' in 'out-%Q.txt' is not a strftime conversion")]
    public void BadOption_SaysWhatIsWrongAndExitsOne(string[] args, string message)
    {
        var outcome = Run(args);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr);
        Assert.DoesNotContain("   at ", outcome.Stderr);
    }

    [Fact]
    public void SetGlobal_GivesTheScriptsGlobalsTheirInitialValues()
    {
        var script = Script("global n = 1, s = \"x\", untouched = 7\nprobe begin { printf(\"%d %s %d\\n\", n, s, untouched); exit() }");

        var outcome = Run(script, "-G", "n=42", "-G", "s=hello");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("42 hello 7\n", outcome.Stdout);
    }

    [Fact]
    public void ArgvAndArgc_HoldTheScriptArguments_FromTheLibrarysOwnBeginProbe()
    {
        var outcome = Run("-e", "probe begin { printf(\"%d [%s] [%s]\\n\", argc, argv[1], argv[2]); exit() }", "one", "two words");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("2 [one] [two words]\n", outcome.Stdout);
    }

    [Fact]
    public void SetGlobal_OfAGlobalTheScriptLacks_IsAnError()
    {
        var outcome = Run("-G", "nope=1", "-e", "global n probe begin { n = 1; exit() }");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: -G nope=...: the script declares no global 'nope' [STP2034]", outcome.Stderr);
    }

    [Fact]
    public void ProbeTiming_PrintsStapsProbeHitReportAtTheEnd()
    {
        var outcome = Run("-t", "-e", "global i\nprobe begin { x = 1 }\nprobe timer.ms(1) { if (++i == 3) exit() }");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n');
        Assert.Equal("----- probe hit report: ", lines[0]);
        Assert.Matches(@"^begin, \(<input>:2:1\), hits: 1, cycles: \d+min/\d+avg/\d+max, variance: 0, from: begin, index: 0$", lines[1]);
        Assert.Matches(@"^timer\.ms\(1\), \(<input>:3:1\), hits: 3, cycles: \d+min/\d+avg/\d+max, variance: \d+, from: timer\.ms\(1\), index: 1$", lines[2]);
        Assert.Equal("----- refresh report:", lines[3]);
    }

    [Fact]
    public void SuppressHandlerErrors_EndsTheHandlerSilentlyAndUncounted()
    {
        var outcome = Run("--suppress-handler-errors", "-e", "probe begin { error(\"bad\"); println(\"not here\") } probe end { println(\"end\") } probe begin(1) { exit() }");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("end\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
    }

    [Fact]
    public void Quiet_SuppressesTheScriptsWarnings()
    {
        var outcome = Run("-q", "-e", "probe begin { warn(\"careful\"); println(\"done\"); exit() }");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("done\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
    }

    [Fact]
    public void Compatible_IsWhatSystemtapVCompares()
    {
        var outcome = Run("--compatible=3.0", "-p1", "-e", "%( systemtap_v < \"4.0\" %? probe begin { } %: probe end { } %)");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("probe begin {\n}\n", outcome.Stdout);
    }

    [Fact]
    public void SkipBadVars_ReadsAMissingContextVariableAsZero()
    {
        var script = "probe kernel.trace(\"sched:sched_switch\") { x = $no_such_field }";

        Assert.Contains("STP2009", Run("--catalog", Path.Combine(Repository.Tapsets, "catalog"), "-p2", "-e", script).Stderr);
        var skipped = Run("--catalog", Path.Combine(Repository.Tapsets, "catalog"), "--skip-badvars", "-p2", "-e", script);
        Assert.Equal(0, skipped.ExitCode);
    }

    [Fact]
    public void OutputName_WithStrftimeConversions_IsExpanded()
    {
        var pattern = Path.Combine(_directory, "out-%Y-%m.txt");

        var outcome = Run("-o", pattern, "-e", "probe begin { println(1); exit() }");

        Assert.Equal(0, outcome.ExitCode);
        var expected = Path.Combine(_directory, $"out-{DateTime.Now:yyyy-MM}.txt");
        Assert.Equal("1\n", File.ReadAllText(expected));
    }

    [Fact]
    public void SystemtapTapset_NamesTheDefaultLibrary_WhoseMacrosScriptsUse()
    {
        var library = Directory.CreateDirectory(Path.Combine(_directory, "library")).FullName;
        File.WriteAllText(Path.Combine(library, "twice.stpm"), "@define twice(x) %( (@x * 2) %)\n");

        var outcome = TaplineProcess.Run(new Dictionary<string, string> { ["SYSTEMTAP_TAPSET"] = library }, "", "-p1", "-e", "probe begin { x = @twice(21) }");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("probe begin {\n  x = 21 * 2;\n}\n", outcome.Stdout);
    }
}
