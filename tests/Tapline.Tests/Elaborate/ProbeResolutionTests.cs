using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;
using Tapline.Passes.Syntax;
using Tapline.Tapsets.Providers;

namespace Tapline.Tests.Elaborate;

/// <summary>How probe points resolve: aliases, suffixes, wildcards, and the order of alias bodies.</summary>
public sealed class ProbeResolutionTests
{
    private static Tapline.Passes.Elaborate.ElaboratedProgram Elaborate(string script, bool optimize = true)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script, optimize);
        Assert.True(program is not null, TestParser.Describe(diagnostics));
        return program;
    }

    [Fact]
    public void Alias_ShorterThanThePoint_PassesTheSuffixOn()
    {
        var program = Elaborate("probe myread = syscall.read { }\nprobe myread.return { println(retval) }");
        var probe = Assert.Single(program.Probes);
        Assert.Equal(["myread.return", "myread", "syscall.read.return", "kernel.trace(\"raw_syscalls:sys_exit\")"], probe.Chain.ToArray());
    }

    [Fact]
    public void NestedAliases_RunInnermostPrologueFirstAndEpiloguesAfterTheBody()
    {
        var program = Elaborate(
            "global order\n" +
            "probe inner = begin { order .= \"inner \" }\n" +
            "probe outer = inner { order .= \"outer \" }\n" +
            "probe after += outer { order .= \"epilogue \" }\n" +
            "probe after { order .= \"body \" }");
        var probe = Assert.Single(program.Probes);
        var appended = probe.Body.Statements.OfType<BoundBlock>()
            .SelectMany(block => block.Statements.OfType<BoundExpressionStatement>())
            .Select(statement => ((BoundLiteral)((BoundAssignment)statement.Expression).Value).Value)
            .ToList();
        Assert.Equal(["inner ", "outer ", "body ", "epilogue "], appended);
    }

    [Fact]
    public void WildcardAlias_MatchesEverySyscallReturnOnce()
    {
        var program = Elaborate("probe syscall.*.return { println(name) }");
        var syscalls = File.ReadLines(Path.Combine(Repository.Tapsets, "catalog", "syscalls.x86_64.tsv")).Count(l => !l.StartsWith('#'));
        Assert.Equal(syscalls, program.Probes.Length);
        Assert.Equal(syscalls, program.Probes.Select(p => p.Chain[1]).Distinct().Count());
        Assert.All(program.Probes, p => Assert.Equal("kernel.trace(\"raw_syscalls:sys_exit\")", p.Point.Text));
    }

    [Fact]
    public void TracepointWildcard_MatchesEverySchedulerTracepoint()
    {
        var program = Elaborate("probe kernel.trace(\"sched:*\") { println($$name) }");
        var names = TestPipeline.Catalog.Names.Where(n => n.System == "sched").ToList();
        Assert.Equal(names.Count, program.Probes.Length);
        Assert.All(program.Probes, p => Assert.IsType<TracepointProbePoint>(p.Point));
    }

    [Fact]
    public void TracepointWithoutSystem_IsFoundInAnySystem()
    {
        var program = Elaborate("probe kernel.trace(\"sched_switch\") { println($prev_pid) }");
        Assert.Equal("kernel.trace(\"sched:sched_switch\")", Assert.Single(program.Probes).Point.Text);
    }

    [Fact]
    public void SyscallAlias_ReadsArgumentsFromRawSyscallArgs()
    {
        var program = Elaborate("probe syscall.openat { println(filename, flags) }", optimize: true);
        var probe = Assert.Single(program.Probes);
        Assert.Contains(probe.Locals, l => l.Name == "filename" && l.Type == ScriptType.String);
        Assert.Contains(probe.Locals, l => l.Name == "flags" && l.Type == ScriptType.Long);
        Assert.DoesNotContain(probe.Locals, l => l.Name == "argstr");
        // The point takes only openat's events, as data pass 5 dispatches on: no gate in the handler.
        Assert.Equal(257, ((TracepointProbePoint)probe.Point).SyscallNumber);
    }

    [Fact]
    public void RawSyscallPoint_WithSyscall_TakesOnlyThatSyscallsEvents_AndIsNamedAsTheTracepoint()
    {
        var program = Elaborate("probe kernel.trace(\"raw_syscalls:sys_exit\").syscall(0) { println($ret) }");
        var point = Assert.IsType<TracepointProbePoint>(Assert.Single(program.Probes).Point);

        Assert.Equal(new TracepointAttachment("raw_syscalls", "sys_exit", IsReturn: true) { SyscallNumber = 0 }, point.Attachment);
        Assert.Equal(new TracepointAttachment("raw_syscalls", "sys_enter") { SyscallNumber = 0 }, point.EntryAttachment);
        Assert.Equal("kernel.trace(\"raw_syscalls:sys_exit\")", point.Text);
    }

    [Fact]
    public void Timer_KnowsItsPeriod()
    {
        var program = Elaborate("probe timer.ms(250) { } probe timer.hz(100) { } probe timer.s(2).randomize(1) { }");
        var periods = program.Probes.Select(p => ((TimerProbePoint)p.Point).IntervalNanoseconds).ToList();
        Assert.Equal([250_000_000L, 10_000_000L, 2_000_000_000L], periods);
        Assert.Equal(1_000_000_000L, ((TimerProbePoint)program.Probes[2].Point).RandomizeNanoseconds);
    }

    [Fact]
    public void Library_IsParsedOnlyAsFarAsTheScriptNeeds()
    {
        var program = Elaborate("probe begin { println(pid()) }");
        Assert.Equal(1, program.LibraryFilesParsed);
    }

    [Fact]
    public void Delete_BeforeTheFirstIndexedUse_StillAllowsAnArray()
    {
        var program = Elaborate("global seen\nprobe begin { delete seen }\nprobe end { seen[1] = 2; println(seen[1]) }");
        Assert.Equal("seen:long [long]", Assert.Single(program.Globals).ToString());
    }

    [Fact]
    public void Optimizer_KeepsSideEffectsAndDropsUnusedPureCode()
    {
        var program = Elaborate("global g\nprobe begin { a = strlen(\"x\"); b = 1; g = b; c = sprintf(\"%d\", 1); printf(\"%d\\n\", g) }");
        var probe = Assert.Single(program.Probes);
        Assert.Equal(["b"], probe.Locals.Select(l => l.Name));
        Assert.DoesNotContain(program.Functions, f => f.Name == "strlen");
    }
}
