using Tapline.Passes.Attachments;
using Tapline.Passes.Build;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Translate;
using Tapline.Runtime;

namespace Tapline.Tests.Translate;

/// <summary>Scripts through passes 1 to 4, their handlers run on a fake context: the generated code means what the script says.</summary>
public sealed class GeneratedModuleTests
{
    private static (ProbeModule Module, BuiltModule Built) Build(string script)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script);
        Assert.True(program is not null, TestParser.Describe(diagnostics));
        var context = new PassContext(TestParser.Options() with { DisableCache = true });
        var translated = new TranslatePass("test.stp", "test").Run(program, context);
        var built = new BuildPass().Run(translated, context);
        Assert.True(built.Assembly is not null, TestParser.Describe(context.Diagnostics));
        var type = built.Assembly.GetType("Tapline.Modules.test.Module")!;
        return ((ProbeModule)Activator.CreateInstance(type)!, built);
    }

    /// <summary>Runs the script's begin handlers, or with <paramref name="prometheus"/> its prometheus ones.</summary>
    private static string Run(string script, bool prometheus = false, FakeContext? context = null)
    {
        var (module, built) = Build(script);
        context ??= new FakeContext();
        var run = module.Handlers.Zip(built.Attachments)
            .Where(h => prometheus ? h.Second is PrometheusAttachment : h.Second is SessionAttachment { Event: SessionEvent.Begin });
        foreach (var (handler, _) in run)
            handler.Run(context);
        built.Unload();
        return context.Printed;
    }

    [Fact]
    public void ScriptString_ThatLooksLikeCSharp_PrintsLiterally()
    {
        const string text = "\\\"); System.Environment.Exit(1); //";
        Assert.Equal("\"); System.Environment.Exit(1); //\n", Run($"probe begin {{ println(\"{text}\") }}"));
    }

    [Fact]
    public void ScriptString_WithLineSeparators_StaysInsideTheLiteral() =>
        Assert.Equal("a\u2028b\u0085c"u8.ToArray(), ScriptBytes.ToBytes(Run("probe begin { print(\"a\u2028b\u0085c\") }")));

    [Fact]
    public void Arithmetic_AndStrings_FollowSystemTap()
    {
        var printed = Run("""
            probe begin {
              x = 7; y = -2
              printf("%d %d %d %d %d\n", x / y, x % y, x << 65, -x >> 1, x ^ 5)
              s = "a" . "b"; s .= sprint(x)
              println(s, " ", strlen(s), " ", s == "ab7", " ", s < "b")
              println(x > y && y < 0, " ", !x, " ", ~0)
            }
            """);
        Assert.Equal("-3 1 14 -4 2\nab7 3 1 1\n1 0 -1\n", printed);
    }

    [Fact]
    public void Arrays_Statistics_AndForeach_FollowSystemTap()
    {
        var printed = Run("""
            global counts, stats
            probe begin {
              counts["b"] = 2; counts["a"] = 1; counts["c"] = 3
              counts["a"] += 10
              counts["b"]++
              foreach (k in counts- limit 2) printf("%s=%d ", k, counts[k])
              stats[1, "x"] <<< 5; stats[1, "x"] <<< 7; stats[2, "y"] <<< 1
              printf("| %d %d %d %d %d", @count(stats[1, "x"]), @sum(stats[1, "x"]), @min(stats[1, "x"]), @avg(stats[1, "x"]), @count(stats[*, *]))
              printf(" | %d %d", [1, "x"] in stats, [3, *] in stats)
              delete stats[1, *]
              printf(" | %d\n", @count(stats[*, *]))
            }
            """);
        Assert.Equal("a=11 b=3 | 2 12 5 6 3 | 1 0 | 1\n", printed);
    }

    [Fact]
    public void DivisionByZero_IsARuntimeErrorAtTheScriptLine()
    {
        var (module, built) = Build("probe begin {\n  x = 0\n  y = 10 / x\n  println(y)\n}");
        var error = Assert.Throws<ScriptRuntimeException>(() => module.Handlers[0].Run(new FakeContext()));
        Assert.Equal("division by 0", error.Message);
        Assert.Equal("test.stp:3", ScriptLocation.Of(error));
        built.Unload();
    }

    [Fact]
    public void TryCatch_CatchesRuntimeErrors()
    {
        var printed = Run("probe begin { try { x = 1 / 0 } catch (message) { println(\"caught: \", message) } }");
        Assert.Equal("caught: division by 0\n", printed);
    }

    [Fact]
    public void SyscallAlias_IsAttachedToItsNumberAndReadsArguments()
    {
        var (module, built) = Build("probe syscall.openat.return { printf(\"%s %d\\n\", name, retval) }");
        var handler = Assert.Single(module.Handlers);
        Assert.Equal(new TracepointAttachment("raw_syscalls", "sys_exit", IsReturn: true) { SyscallNumber = 257 }, Assert.Single(built.Attachments));

        var openat = new FakeContext(new() { ["id"] = 257L, ["ret"] = -2L });
        handler.Run(openat);
        Assert.Equal("openat -2\n", openat.Printed);
        built.Unload();
    }

    [Fact]
    public void Histogram_PrintsInSystemTapLayout()
    {
        var printed = Run("global s\nprobe begin { s <<< 1; s <<< 1; s <<< 2; print(@hist_log(s)) }");
        Assert.StartsWith("value |--------------------------------------------------", printed);
        Assert.Contains("    1 |@@", printed);
    }

    [Fact]
    public void ExitAndNext_EndTheHandler()
    {
        var context = new FakeContext();
        Run("function stop() { next }\nprobe begin { print(\"a\"); stop(); print(\"b\") }\nprobe begin { exit(); print(\"c\") }", context: context);
        Assert.Equal("ac", context.Printed);
        Assert.True(context.ExitRequested);
    }

    [Fact]
    public void Prometheus_AppendsToValue()
    {
        var context = new FakeContext(new() { ["value"] = "" });
        Run("global a\nprobe prometheus { a[\"x\\\"y\"] = 3; @prometheus_dump_array1(a, \"m\", \"k\") }", prometheus: true, context);
        Assert.Equal("m{k=\"x\\\"y\"} 3\n", context.TextField("value"));
    }

    [Fact]
    public void Prometheus_ValueHoldsMoreThanAScriptString()
    {
        var context = new FakeContext(new() { ["value"] = "" });
        Run("global a\nprobe prometheus { for (i = 0; i < 40; i++) a[i] = i; @prometheus_dump_array1_map_unquoted(a, \"metric\", \"key\", sprint, sprint) }",
            prometheus: true, context);
        var lines = context.TextField("value").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40, lines.Length);
        Assert.Contains("metric{key=39} 39", lines);
    }

    [Fact]
    public void Errors_AreCountedAndTheFirstEndsTheRunByDefault()
    {
        var (module, built) = Build("probe begin {\n  error(\"first\")\n}\nprobe end {\n  warn(\"careful\"); x = 1 % 0; println(x)\n}");
        var context = new FakeContext();
        var errors = new StringWriter();
        var counter = new ErrorCounter();
        var failures = module.Handlers.Select(handler =>
        {
            try
            {
                handler.Run(context);
                return false;
            }
            catch (ScriptRuntimeException error)
            {
                return counter.Report(error, errors);
            }
        }).ToList();

        Assert.Equal([true, true], failures);
        Assert.Equal("ERROR: first at test.stp:2\nERROR: division by 0 at test.stp:5\n", errors.ToString().Replace("\r", ""));
        Assert.Equal(["careful"], context.Warnings);
        Assert.Equal("WARNING: Number of errors: 2, skipped probes: 0", counter.Summary(0));
        Assert.False(new ErrorCounter(maxErrors: 5).Report(new ScriptRuntimeException("x"), TextWriter.Null));
        built.Unload();
    }

    [Fact]
    public void ContextFunctions_ReadTheContext()
    {
        var printed = Run("probe begin { printf(\"%d %d %d %s %d %d\\n\", pid(), tid(), ppid(), execname(), cpu(), gettimeofday_s()) }");
        Assert.Equal("4242 4243 1 fake 1 1700000000\n", printed);
    }

    [Fact]
    public void Entry_IsEvaluatedWhenTheThreadEnters()
    {
        var (module, built) = Build("global started\nprobe syscall.read.return { printf(\"%d %d\\n\", @entry(started), started) }\nprobe begin { started = 5 }");
        var handlers = module.Handlers.Zip(built.Attachments).ToList();
        var (entry, entryAttachment) = Assert.Single(handlers, h => h.Second is TracepointAttachment { Name: "sys_enter" });
        var exit = Assert.Single(handlers, h => h.Second is TracepointAttachment { Name: "sys_exit" }).First;
        var begin = Assert.Single(handlers, h => h.Second is SessionAttachment).First;
        Assert.Equal(0, ((TracepointAttachment)entryAttachment).SyscallNumber);

        var context = new FakeContext(new() { ["id"] = 0L, ["ret"] = 1L });
        entry.Run(context);
        begin.Run(context);
        exit.Run(context);
        // A second return of the thread has no entry left (as one whose call began before tracing): skipped.
        Assert.Throws<MissingEntryException>(() => exit.Run(context));
        Assert.Equal("0 5\n", context.Printed);
        built.Unload();
    }

    [Fact]
    public void BareReturn_InAFunctionWithAValue_ReturnsTheDefault() =>
        Assert.Equal("0|\n", Run("function n:long () { return }\nfunction s:string () { return }\nprobe begin { println(n(), \"|\", s()) }"));

    [Fact]
    public void DecimalLiterals_UpTo64Bits_WrapAsStapsDo() =>
        Assert.Equal("-1 -9223372036854775808 -9223372036854775808 9223372036854775808\n",
            Run("probe begin { printf(\"%d %d %d %u\\n\", 18446744073709551615, 9223372036854775808, -9223372036854775808, 9223372036854775807 + 1) }"));

    [Fact]
    public void AdjacentStringLiterals_AreOneLiteral() =>
        Assert.Equal("foo bar|ab\n", Run("probe begin { printf(\"foo \" \"bar\" /* c */ \"|%s\\n\", \"a\"\n \"b\") }"));
}
