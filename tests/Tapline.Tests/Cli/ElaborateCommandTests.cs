using System.Text.RegularExpressions;
using Tapline.Cli;

namespace Tapline.Tests.Cli;

/// <summary>Pass 2 through the `tapline` command: `-p2 -v`, `-u`, `-l`, `-L`, `--catalog`.</summary>
public sealed class ElaborateCommandTests
{
    private static readonly string Snapshot = Path.Combine(Repository.Tapsets, "catalog");

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => CommandRuns.InProcess(args);

    private static string Example(string name) => Path.Combine(Repository.Examples, name);

    private static int ProbeCount(string stderr, string pass) =>
        int.Parse(Regex.Match(stderr, $@"^{Regex.Escape(pass)}: \w+ script: (\d+) probes, \d+ functions, \d+ globals, \d+ library files parsed in \d+ ms$",
            RegexOptions.Multiline).Groups[1].Value);

    [Fact]
    public void PassTwo_ErrnoPair_ShowsOneProbePerSyscallAgainstOne()
    {
        var wildcard = Run("-p2", "-v", Example("errno.stp"));
        var any = Run("-p2", "-v", Example("errno_any.stp"));

        Assert.Equal(0, wildcard.Code);
        Assert.Equal(0, any.Code);
        var syscalls = File.ReadLines(Path.Combine(Snapshot, "syscalls.x86_64.tsv")).Count(l => !l.StartsWith('#'));
        // One probe per syscall, plus `end` and `prometheus`.
        Assert.Equal(syscalls + 2, ProbeCount(wildcard.Stderr, "Pass 2"));
        Assert.Equal(3, ProbeCount(any.Stderr, "Pass 2"));
        Assert.Equal(syscalls, Regex.Matches(wildcard.Stdout, @"^kernel\.trace\(""raw_syscalls:sys_exit""\) /\* <- syscall\.\w+\.return <- syscall\.\*\.return \*/$", RegexOptions.Multiline).Count);
        Assert.Contains("kernel.trace(\"raw_syscalls:sys_exit\") /* <- syscall_any.return */\n", any.Stdout);
    }

    [Fact]
    public void PassTwo_Verbose_ReportsElaborationAndOptimization()
    {
        var outcome = Run("-p2", "-v", Example("errno.stp"));
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Pass 1: parsed user script", lines[0]);
        Assert.StartsWith("Pass 2: analyzed script: ", lines[1]);
        Assert.StartsWith("Pass 2 (optimize): optimized script: ", lines[2]);
    }

    [Fact]
    public void Unoptimized_KeepsWhatTheOptimizerDrops()
    {
        var optimized = Run("-p2", "-e", "probe syscall.openat { x = 1 }");
        var kept = Run("-p2", "-u", "-e", "probe syscall.openat { x = 1 }");

        Assert.DoesNotContain("argstr", optimized.Stdout);
        Assert.Contains("argstr:string", kept.Stdout);
        Assert.Contains("user_string_quoted:string (addr:long)", kept.Stdout);
    }

    [Fact]
    public void List_SyscallOpenFamily_IsSorted()
    {
        var outcome = Run("-l", "syscall.open*");
        Assert.Equal(0, outcome.Code);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("syscall.openat", lines);
        Assert.Contains("syscall.open", lines);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(".return"));
    }

    [Fact]
    public void ListWithVariables_Openat_ShowsArgumentsWithTypes()
    {
        var outcome = Run("-L", "syscall.openat");
        Assert.Equal(
            "syscall.openat name:string dfd:long filename_uaddr:long filename:string flags:long mode:long dfd_str:string flags_str:string argstr:string\n",
            outcome.Stdout);
    }

    [Theory]
    [InlineData("syscall.mmap2", "syscall.mmap2 name:string start:long length:long prot:long flags:long fd:long pgoffset:long prot_str:string flags_str:string argstr:string")]
    [InlineData("syscall.socket", "syscall.socket name:string family:long type:long protocol:long family_str:string type_str:string protocol_str:string argstr:string")]
    [InlineData("syscall.ioctl", "syscall.ioctl name:string fd:long request:long argp:long argstr:string")]
    [InlineData("syscall.dup2", "syscall.dup2 name:string oldfd:long newfd:long flags:long flags_str:string argstr:string")]
    [InlineData("syscall.exit_group", "syscall.exit_group name:string status:long argstr:string")]
    public void ListWithVariables_Syscalls_HaveStapsVariableNames(string point, string expected)
    {
        var outcome = Run("-L", point);
        Assert.Equal(expected + "\n", outcome.Stdout);
    }

    [Fact]
    public void ListWithVariables_SyscallAnyReturn_ShowsItsVariables()
    {
        var outcome = Run("-L", "syscall_any.return");
        Assert.Equal("syscall_any.return syscall_nr:long name:string retval:long\n", outcome.Stdout);
    }

    [Fact]
    public void ListWithVariables_Tracepoint_ShowsFieldsWithCTypes()
    {
        var outcome = Run("-L", "kernel.trace(\"sched:sched_process_exec\")");
        // $p, the task that execs, is its handle (the pid the tracepoint records).
        Assert.Equal("kernel.trace(\"sched:sched_process_exec\") $filename:char[] $pid:pid_t $old_pid:pid_t $p:struct task_struct*\n", outcome.Stdout);
    }

    [Fact]
    public void List_UnknownPoint_SaysSoAndExitsOne()
    {
        var outcome = Run("-l", "syscall.opnat");
        Assert.Equal(1, outcome.Code);
        Assert.Contains("did you mean 'syscall.openat'", outcome.Stderr);
    }

    [Fact]
    public void Catalog_ThatIsNoSnapshot_IsRefused()
    {
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(["--catalog", "/nonexistent", "-p2", "-e", "probe begin { }"], new StringWriter(), stderr);
        Assert.Equal(1, code);
        Assert.Contains("not a catalog snapshot", stderr.ToString());
    }
}
