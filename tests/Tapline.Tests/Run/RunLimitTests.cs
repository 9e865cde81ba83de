using Tapline.Passes.Pipeline;
using Tapline.Runtime;

namespace Tapline.Tests.Run;

/// <summary>
/// The limits of stap's runtime on one probe hit: MAXACTION statements (ten times that in
/// begin and end probes), MAXNESTING calls, MAXSTRINGLEN bytes per string; and regular
/// expressions that run in linear time. Each limit is an `ERROR:` with the script line.
/// </summary>
public sealed class RunLimitTests
{
    private sealed record Outcome(string Output, string Errors);

    private static Outcome Run(string script, params (string Name, string Value)[] defines)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        TestPipeline.RunAll(script, "limits.stp", new RunOptions { Duration = TimeSpan.FromSeconds(30) }, output, errors,
            defines: defines.ToDictionary(d => d.Name, d => d.Value));
        return new Outcome(output.ToString(), errors.ToString());
    }

    [Fact]
    public void MaxAction_AnEndlessLoopInBegin_IsAnErrorAtTheLoop()
    {
        var outcome = Run("probe begin {\n  while (1) {\n    x++\n  }\n}\nprobe end { print(\"end\\n\") }\nprobe error { print(\"error probe\\n\") }");

        Assert.Equal("error probe\n", outcome.Output);
        Assert.StartsWith("ERROR: MAXACTION exceeded at limits.stp:2:13\n", outcome.Errors);
    }

    [Fact]
    public void MaxAction_CountsStatementsOfTheHit()
    {
        // Begin probes get MAXACTION_INTERRUPTIBLE (10 x MAXACTION): 100 here; the loop charges 2 per iteration.
        const string script = "global n probe begin { for (i = 0; i < N; i++) n++ printf(\"%d\\n\", n); exit() }";
        Assert.Equal("40\n", Run(script.Replace("N", "40"), ("MAXACTION", "10")).Output);
        var tooMany = Run(script.Replace("N", "60"), ("MAXACTION", "10"));
        Assert.Equal("", tooMany.Output);
        Assert.StartsWith("ERROR: MAXACTION exceeded at limits.stp:1:", tooMany.Errors);
    }

    [Fact]
    public void MaxAction_IsNotCaughtByTryCatch()
    {
        var outcome = Run("probe begin { while (1) { try { while (1) { } } catch { print(\"caught\\n\") } } }");

        Assert.Equal("", outcome.Output);
        Assert.Contains("ERROR: MAXACTION exceeded", outcome.Errors);
    }

    [Fact]
    public void MaxNesting_EndlessRecursion_IsAnErrorNotACrash()
    {
        var outcome = Run("function f:long(n:long) {\n  return 1 + f(n + 1)\n}\nprobe begin {\n  print(f(1))\n}");

        Assert.StartsWith("ERROR: MAXNESTING exceeded at limits.stp:2:3\n", outcome.Errors);
    }

    [Fact]
    public void MaxNesting_SetHigh_StillEndsBeforeTheStackDoes()
    {
        var outcome = Run("function f:long(n:long) { return 1 + f(n + 1) } probe begin { print(f(1)) }",
            ("MAXNESTING", "100000000"), ("MAXACTION", "1000000000"));

        Assert.StartsWith("ERROR: MAXNESTING exceeded", outcome.Errors);
    }

    [Theory]
    [InlineData(10, "10 ok\n")]
    [InlineData(11, "10 ok\n")]
    [InlineData(9, "9 ok\n")]
    public void MaxNesting_AllowsThatManyNestedCalls(int depth, string expected)
    {
        var script = $"function f:long(n:long) {{ if (n >= {depth}) return n; return f(n + 1) }} " +
                     "probe begin { try { printf(\"%d ok\\n\", f(1)) } catch { printf(\"10 ok\\n\") } exit() }";
        Assert.Equal(expected, Run(script).Output);
    }

    [Fact]
    public void MaxStringLen_CutsEveryStringValue()
    {
        var outcome = Run("probe begin { s = \"ab\"; for (i = 0; i < 28; i++) s = s . s; printf(\"%d %d\\n\", strlen(s), strlen(sprintf(\"%s%s\", s, s))); exit() }");

        Assert.Equal("511 511\n", outcome.Output);
        Assert.Equal("", outcome.Errors);
    }

    [Fact]
    public void MaxStringLen_IsSetWithDefine_AndCutsAtTheByte()
    {
        var outcome = Run("probe begin { println(sprintf(\"%s\", \"abcdefghijklmnop\")); println(\"€€€€\" . \"x\"); exit() }", ("MAXSTRINGLEN", "8"));

        // Strings are bytes: the cut falls inside the third euro sign (E2 82 AC), as stap's does.
        Assert.Equal([.. "abcdefg\n€€"u8, 0xE2, (byte)'\n'], ScriptBytes.ToBytes(outcome.Output));
    }

    [Fact]
    public void Regex_ACatastrophicPattern_RunsInLinearTime()
    {
        var text = new string('a', 5000) + "!";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = Run($"probe begin {{ x = \"{text}\"; printf(\"%d %d\\n\", x =~ \"^(a+)+$\", x =~ \"^(a+)+!$\"); exit() }}", ("MAXSTRINGLEN", "10000"));

        Assert.Equal("0 1\n", outcome.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Error_InAProbeReachedThroughAnAlias_IsAtTheScriptsStatement()
    {
        // The prologue of syscall.openat.return is the tapset's; the statement that fails is the script's.
        var output = new StringWriter();
        var errors = new StringWriter();
        TestPipeline.RunAll("global a, n\nprobe syscall.openat.return {\n  a[n++] = 1\n}", "alias.stp",
            new RunOptions { RecordingPath = Path.Combine(Repository.Root, "tests", "recordings", "syscalls.perf.data") },
            output, errors, defines: new Dictionary<string, string> { ["MAXMAPENTRIES"] = "3" });

        Assert.StartsWith("ERROR: array 'a' is full: it holds at most 3 elements (MAXMAPENTRIES) at alias.stp:3:3\n", errors.ToString());
    }
}
