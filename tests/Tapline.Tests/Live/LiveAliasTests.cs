using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Live;

/// <summary>
/// The tapset aliases on tracepoints, fed by the live kernel: a command's fork, its child's
/// SIGCHLD, its exit, and its being switched out when it waits (the child sleeps, so the
/// command is sure to block in wait).
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class LiveAliasTests
{
    [LiveKernelFact]
    public void ProcessAliases_SeeTheCommandsForkSignalAndExit()
    {
        var script = """
            global created, chld, exited, switched
            probe kprocess.create { if (pid() == target() && new_pid != target()) created++ }
            probe signal.send { if (sig_name == "SIGCHLD" && sig_pid == target() && pid_name == "sh") chld++ }
            probe scheduler.process_exit { if (pid == target()) exited++ }
            probe scheduler.ctxswitch { if (prev_pid == target() && prev_task_name == "sh" && next_tid != prev_tid) switched = 1 }
            probe end { printf("created %d, SIGCHLD %d, exited %d, switched out %d\n", created, chld, exited, switched) }
            """;
        Assert.Equal("created 1, SIGCHLD 1, exited 1, switched out 1\n", RunCleanly(script, "aliases.stp", "sh -c 'sleep 0.1 & wait'"));
    }

    [LiveKernelFact]
    public void ProcessBeginAndEnd_RunInTheProcess_ForTheCommandAndItsChildren()
    {
        var script = """
            global begun, ended
            probe process.begin { if (pid() == target() || ppid() == target()) begun[pid() == target() ? "target" : "child"]++ }
            probe process.end { if (pid() == target() || ppid() == target()) ended[pid() == target() ? "target" : "child"]++ }
            probe end { printf("%d %d %d %d\n", begun["target"], begun["child"], ended["target"], ended["child"]) }
            """;
        Assert.Equal("1 2 1 2\n", RunCleanly(script, "process.stp", "sh -c '/bin/true; /bin/true; exit 0'"));
    }

    [LiveKernelFact]
    public void ProcessPathBegin_FiresForEachExecOfTheProgram_HoweverItIsNamed()
    {
        var script = """
            global n
            probe process("true").begin { if (ppid() == target()) n++ }
            probe end { printf("%d\n", n) }
            """;
        Assert.Equal("2\n", RunCleanly(script, "process_path.stp", "sh -c '/bin/true; /usr/bin/true; true; exit 0'")); // `true` alone is the shell's builtin: no exec
    }

    [LiveKernelFact]
    public void ProcessBegin_FiresOnceInEachProcessThatRunsAtTheStart()
    {
        using var sleeper = System.Diagnostics.Process.Start("sleep", ["30"])!;
        try
        {
            var script = $$"""
                global begun
                probe process({{sleeper.Id}}).begin { begun++; printf("%s %d\n", execname(), tid() == {{sleeper.Id}}) }
                probe timer.ms(300) { printf("%d\n", begun); exit() }
                """;
            var output = new StringWriter();
            var errors = new StringWriter();
            var diagnostics = TestPipeline.RunAll(script, "existing.stp", new RunOptions { Duration = TimeSpan.FromSeconds(60) }, output, errors,
                cacheDirectory: LiveCollection.CacheDirectory);

            Assert.Equal(0, diagnostics.Count);
            Assert.Equal("sleep 1\n1\n", output.ToString());
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
    }

    [LiveKernelFact]
    public void ProcessProbes_WithACommand_SeeOnlyItsHierarchy()
    {
        // stap's process probes see only the -c command and its descendants: a process that
        // the command's child starts is seen, a busy unrelated process is not.
        var script = """
            global ended, calls
            probe process.end { ended[execname()]++ }
            probe process.syscall { calls[execname()]++ }
            probe end { printf("%d %d %d %d\n", ended["sh"], ended["sleep"], calls["sleep"] > 0, calls["true"]) }
            """;
        using var busy = System.Diagnostics.Process.Start("sh", ["-c", "while :; do /bin/true; done"])!;
        try
        {
            Assert.Equal("1 1 1 0\n", RunCleanly(script, "hierarchy.stp", "sh -c 'sleep 0.3; exit 0'"));
        }
        finally
        {
            busy.Kill(entireProcessTree: true);
            busy.WaitForExit();
        }
    }

    [LiveKernelFact]
    public void ProcessPathSyscall_SeesTheProgramsCallsWithStapsVariables()
    {
        // ls execs from sh: its openat of the missing directory fails with ENOENT (-2), and its
        // end is process("ls").end because the program it runs, not its name, is compared.
        var script = """
            global failed, calls, ended
            probe process("ls").syscall { calls++ }
            probe process("ls").syscall.return { if ($syscall == 257 && $return == -2) failed++ }
            probe process("/usr/bin/ls").end { ended++ }
            probe end { printf("%d %d %d\n", calls > 10, failed > 0, ended) }
            """;
        Assert.Equal("1 1 1\n", RunCleanly(script, "process_syscall.stp", "sh -c 'ls /no-such-directory-here 2>/dev/null; exit 0'"));
    }

    /// <summary>The script's output on the live system with <paramref name="command"/> as its -c command, which must give no diagnostic and nothing on stderr.</summary>
    private static string RunCleanly(string script, string name, string command)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = TestPipeline.RunAll(script, name,
            new RunOptions { Command = command, Duration = TimeSpan.FromSeconds(60) }, output, errors,
            cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("", errors.ToString());
        return output.ToString();
    }
}
