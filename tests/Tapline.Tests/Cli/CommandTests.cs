using Tapline.Cli;

namespace Tapline.Tests.Cli;

/// <summary>The `tapline` command, run in-process with captured output.</summary>
public sealed class CommandTests
{
    private sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(args, stdout, stderr);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    private static string Example(string name) => Path.Combine(Repository.Examples, name);

    private static void AssertNoStackTrace(Outcome outcome)
    {
        Assert.DoesNotContain("Exception", outcome.Stderr);
        Assert.DoesNotContain("   at ", outcome.Stderr);
    }

    [Theory]
    [InlineData("errno.stp")]
    [InlineData("errno_any.stp")]
    public void PassOne_ErrnoExamples_PrintTheCanonicalScript(string name)
    {
        var outcome = Run("-p1", Example(name));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Golden, Path.ChangeExtension(name, ".p1.stp"))), outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
    }

    [Fact]
    public void Verbose_AddsPassOneLineWithTimeAndSizes()
    {
        var outcome = Run("-v", "-p", "1", Example("errno.stp"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^Pass 1: parsed user script and indexed \d+ library files: \d+ AST nodes, \d+ files, \d+ bytes in \d+ ms\n$",
            outcome.Stderr.Replace("\r", ""));
    }

    [Fact]
    public void ScriptOnCommandLine_TakesEveryOtherWordAsArgument()
    {
        var outcome = Run("-p1", "-e", "probe begin { println(@1, $2) }", "hello", "--", "-5");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("probe begin {\n  println(\"hello\", -5);\n}\n", outcome.Stdout);
    }

    [Fact]
    public void ScriptArguments_AfterDoubleDash_MayLookLikeOptions()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "probe begin { x = $1 * $#; y = @2 }");
            var outcome = Run("-p1", file, "--", "-3", "-v");
            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal("probe begin {\n  x = -3 * 2;\n  y = \"-v\";\n}\n", outcome.Stdout);
            Assert.Equal("", outcome.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MalformedScript_ReportsPositionedErrorsWithCaretAndExitsOne()
    {
        var outcome = Run("-p1", "-e", "probe begin {\n  x = 0x\n  y = `\n");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("<input>:2:7: error: '0x' is not a valid number [STP1006]\n      x = 0x\n          ^~\n", outcome.Stderr);
        Assert.Contains("<input>:3:7: error: unexpected character '`' [STP1005]", outcome.Stderr);
        AssertNoStackTrace(outcome);
    }

    [Theory]
    [InlineData(new[] { "-p1", "/nonexistent/script.stp" }, "tapline: cannot read script '/nonexistent/script.stp'")]
    [InlineData(new[] { "-p1" }, "tapline: no script given")]
    [InlineData(new[] { "-p", "7", "-e", "probe begin { }" }, "tapline: -p takes a pass number from 1 to 5, not 7")]
    [InlineData(new[] { "-p1", "-D", "1x=2", "-e", "probe begin { }" }, "tapline: -D takes NAME=VALUE, not '1x=2'")]
    [InlineData(new[] { "-p1", "-I", "/nonexistent/tapsets", "-e", "probe begin { }" }, "cannot read '/nonexistent/tapsets'")]
    [InlineData(new[] { "-T", "0", "-e", "probe begin { }" }, "tapline: -T takes a number of seconds greater than 0, not 0")]
    [InlineData(new[] { "-c", "true", "-x", "1", "-e", "probe begin { }" }, "tapline: -c and -x both set target(); give one of them")]
    [InlineData(new[] { "-s", "0", "-e", "probe begin { }" }, "tapline: -s takes a ring size from 1 to 1024 megabytes, not 0")]
    [InlineData(new[] { "--input", "/nonexistent/perf.data", "--disable-cache", "-e", "probe begin { }" }, "error: cannot replay '/nonexistent/perf.data': ")]
    [InlineData(new[] { "-p", "x", "-e", "probe begin { }" }, "-p")]
    public void BadCommandLine_SaysWhatIsWrongAndExitsOne(string[] args, string message)
    {
        var outcome = Run(args);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public void PassFive_BeginAndTimerProbes_RunWithoutTracepointsOrPrivileges()
    {
        var outcome = Run("--disable-cache", "-e", "global n probe begin { println(\"hi\") } probe timer.ms(10) { if (++n == 3) exit() } probe end { println(n) }");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("hi\n3\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
    }

    [Fact]
    public void PassFive_TargetIsThePidGivenWithX()
    {
        var outcome = Run("--disable-cache", "-x", "4242", "-e", "probe begin { println(target()); exit() }");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("4242\n", outcome.Stdout);
    }

    [Fact]
    public void Flags_BeforeAnOptionWithValue_DoNotSwallowIt()
    {
        var outcome = Run("-g", "-u", "-p1", "-e", "probe begin { }");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("probe begin {\n}\n", outcome.Stdout);
    }

    [Fact]
    public void OutputFile_ReceivesThePrintedScript()
    {
        var directory = Directory.CreateTempSubdirectory("tapline-out-").FullName;
        try
        {
            var file = Path.Combine(directory, "out.stp");
            var outcome = Run("-p1", "-o", file, "-e", "probe begin { }");
            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal("", outcome.Stdout);
            Assert.Equal("probe begin {\n}\n", File.ReadAllText(file));

            var failed = Run("-p1", "-o", Path.Combine(directory, "bad.stp"), "-e", "probe begin {");
            Assert.Equal(1, failed.ExitCode);
            Assert.Equal(["out.stp"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void IncludeDirectory_AddsLibraryMacros()
    {
        var directory = Directory.CreateTempSubdirectory("tapline-lib-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "answer.stpm"), "@define answer %( 42 %)");
            var outcome = Run("-p1", "-I", directory, "-e", "probe begin { x = @answer }");
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("x = 42;", outcome.Stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Dump_WritesPassOutputToDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tapline-dump-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outcome = Run("-p1", "--dump", directory, Example("errno_any.stp"));
            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal(outcome.Stdout, File.ReadAllText(Path.Combine(directory, "errno_any.p1.stp")));
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var outcome = Run("--version");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Stdout);
    }

    [Fact]
    public void Help_ListsStapOptions()
    {
        var outcome = Run("-h");
        Assert.Equal(0, outcome.ExitCode);
        foreach (var option in new[] { "-p", "-v", "-e", "-I", "-D", "-o", "-g", "--version" })
            Assert.Contains(option, outcome.Stdout);
    }

    [Theory]
    [InlineData(new[] { "-t", "-b", "-e", "probe begin { exit() }" }, "tapline: -b is not supported: bulk mode writes per-CPU kernel relay files; Tapline's output is one stream\n")]
    [InlineData(new[] { "-Q", "-e", "probe begin { exit() }" }, "tapline: unknown option '-Q' (tapline -h lists the options)\n")]
    [InlineData(new[] { "--frobnicate=1", "-p1", "-e", "probe begin { }" }, "tapline: unknown option '--frobnicate=1' (tapline -h lists the options)\n")]
    [InlineData(new[] { "-x", "abc", "-e", "probe begin { exit() }" }, "tapline: -x takes a number, not 'abc'\n")]
    [InlineData(new[] { "-m", "", "-p1", "-e", "probe begin { }" }, "tapline: -m takes a module name of letters, digits and '_', not ''\n")]
    [InlineData(new[] { "-m", "x^y", "-p1", "-e", "probe begin { }" }, "tapline: -m takes a module name of letters, digits and '_', not 'x^y'\n")]
    [InlineData(new[] { "-m", "../x", "-p1", "-e", "probe begin { }" }, "tapline: -m takes a module name of letters, digits and '_', not '../x'\n")]
    public void Options_UnknownOrMistyped_AreOneLineAndExitOne(string[] args, string expected)
    {
        var outcome = Run(args);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(expected, outcome.Stderr);
    }

    [Fact]
    public void Options_LikeScriptArguments_AfterDoubleDash_AreArguments()
    {
        var outcome = Run("-p1", "-e", "probe begin { print(@1, @2) }", "--", "-t", "-b");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("print(\"-t\", \"-b\")", outcome.Stdout);
    }

    [Fact]
    public void CapitalV_PrintsTheVersion_AndGluedVsCount()
    {
        var version = Run("-V");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);

        var verbose = Run("-vv", "-p1", "-e", "probe begin { }");
        Assert.Equal(0, verbose.ExitCode);
        Assert.StartsWith("Pass 1: ", verbose.Stderr);
    }
}
