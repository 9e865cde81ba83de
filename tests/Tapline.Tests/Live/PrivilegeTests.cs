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
        Assert.True(line.Contains("needs root", StringComparison.Ordinal), line);
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

    [LiveKernelTheory]
    [InlineData("{0} 5 /nonexistent/tapline-target", 5)]
    [InlineData("'{0}' 4 '/nonexistent/tapline target'", 4)]
    [InlineData("TAPLINE_TEST=1 {0} 3 /nonexistent/tapline-target", 3)]
    [InlineData("{0} 2 /nonexistent/*", 2)]
    public void Target_is_the_command_itself_so_pid_filters_see_its_events(string command, int failures)
    {
        var output = new StringWriter();
        var script = "global n probe syscall.openat.return { if (pid() == target() && retval == -2 && execname() =~ \"^failing_open\") n++ } " +
                     "probe end { printf(\"%d\\n\", n) }";
        var diagnostics = TestPipeline.RunAll(script, "target.stp",
            new Passes.Pipeline.RunOptions { Command = string.Format(command, Workloads.Path("failing_open")) }, output, new StringWriter(),
            cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal($"{failures}\n", output.ToString());
    }
}
