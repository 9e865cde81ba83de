using System.Diagnostics;

namespace Tapline.Tests.Live;

/// <summary>What a user without privileges is told: one line saying what is missing, exit status 1, no stack trace.</summary>
[Collection(LiveCollection.Name)]
public sealed class PrivilegeTests
{
    [LiveKernelFact]
    public void Without_privileges_the_run_says_what_is_missing_in_one_line()
    {
        var start = new ProcessStartInfo("/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "tapline.dll"),
             "--disable-cache", "-T", "1", Path.Combine(Repository.Examples, "errno_any.stp")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", stdout.Result);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot trace the live system: ", line);
        Assert.Contains("tracing needs root", line);
    }

    [LiveKernelFact]
    public void Target_is_the_pid_of_the_command_from_its_first_event()
    {
        var output = new StringWriter();
        var script = "global mine, execs probe syscall_any { if (pid() == target()) { mine++; if (name == \"execve\") execs++ } } " +
                     "probe end { printf(\"%d %d\\n\", mine > 0, execs > 0) }";
        var diagnostics = TestPipeline.RunAll(script, "target.stp",
            new Passes.Pipeline.RunOptions { Command = $"{Workloads.Path("failing_open")} 5 /nonexistent/tapline-target" }, output, new StringWriter(),
            cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        // The shell was held before it exec'd the command, so target()'s exec of the command is among its events.
        Assert.Equal("1 1\n", output.ToString());
    }
}
