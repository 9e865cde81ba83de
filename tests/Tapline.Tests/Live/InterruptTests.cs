using System.Diagnostics;

namespace Tapline.Tests.Live;

/// <summary>Ctrl-C as a user gives it: SIGINT to a running `tapline`, which ends like exit() does.</summary>
[Collection(LiveCollection.Name)]
public sealed class InterruptTests
{
    [LiveKernelFact]
    public void Sigint_runs_the_end_probe_and_exits_cleanly()
    {
        using var tapline = StartTapline("global n probe syscall_any.return { n++ } probe timer.ms(100) { printf(\"tick\\n\") } probe end { printf(\"end %d\\n\", n > 0) }");
        var stderr = tapline.StandardError.ReadToEndAsync();
        Assert.Equal("tick", tapline.StandardOutput.ReadLine());

        Assert.Equal(0, Workloads.Run("kill", "-INT", tapline.Id.ToString()).ExitCode);
        var rest = tapline.StandardOutput.ReadToEnd();
        Assert.True(tapline.WaitForExit(TimeSpan.FromSeconds(30)), "tapline did not end after SIGINT");

        Assert.Equal(0, tapline.ExitCode);
        Assert.EndsWith("end 1\n", rest);
        Assert.Equal("", stderr.Result);
    }

    [LiveKernelFact(needs: "bpftool")]
    public void Sigterm_of_a_capturing_run_leaves_no_program_in_the_kernel()
    {
        using var tapline = StartTapline("probe syscall.openat { if (filename == \"\") println(filename) } probe timer.ms(100) { printf(\"tick\\n\") }");
        var stderr = tapline.StandardError.ReadToEndAsync();
        Assert.Equal("tick", tapline.StandardOutput.ReadLine());
        Assert.Contains(" tl_sys_enter ", Workloads.Run("bpftool", "prog", "show").Output);

        Assert.Equal(0, Workloads.Run("kill", "-TERM", tapline.Id.ToString()).ExitCode);
        tapline.StandardOutput.ReadToEnd();
        Assert.True(tapline.WaitForExit(TimeSpan.FromSeconds(30)), "tapline did not end after SIGTERM");

        Assert.Equal("", stderr.Result);
        // The kernel frees a program and its maps after a grace period once the last descriptor is closed.
        var freed = System.Diagnostics.Stopwatch.StartNew();
        while (Workloads.Run("bpftool", "prog", "show").Output.Contains(" tl_") && freed.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
        Assert.DoesNotContain(" tl_", Workloads.Run("bpftool", "prog", "show").Output);
        Assert.DoesNotContain(" tl_", Workloads.Run("bpftool", "map", "show").Output);
    }

    /// <summary>`tapline -e SCRIPT` in a process of its own, its output and errors read by the test.</summary>
    private static Process StartTapline(string script)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "tapline.dll"), "-e", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["XDG_CACHE_HOME"] = LiveCollection.CacheDirectory;
        return Process.Start(start)!;
    }
}
