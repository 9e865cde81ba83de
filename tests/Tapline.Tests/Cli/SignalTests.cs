using System.Diagnostics;

namespace Tapline.Tests.Cli;

/// <summary>
/// SIGINT and SIGTERM end tapline promptly wherever it is: in the middle of a long build (no
/// temporary left in the cache) or inside a handler that would run for a long time.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);

    private readonly string _cache = Directory.CreateTempSubdirectory("tapline-signal-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "tapline.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["XDG_CACHE_HOME"] = _cache;
        return Process.Start(start)!;
    }

    /// <summary>Sends the signal and waits; returns how long the process took to end.</summary>
    private static TimeSpan SignalAndWait(Process process, string signal)
    {
        var clock = Stopwatch.StartNew();
        TaplineProcess.Signal(process, signal);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"tapline did not end after SIG{signal}");
        return clock.Elapsed;
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Signal_DuringTheBuild_EndsAtOnceAndLeavesNoTemporary(string signal)
    {
        using var process = Start("-v", "-p4", Path.Combine(Repository.Examples, "errno.stp"));
        var stdout = process.StandardOutput.ReadToEndAsync();
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null && !line.StartsWith("Pass 3:", StringComparison.Ordinal))
        {
        }
        Assert.NotNull(line);
        Thread.Sleep(200); // into Roslyn's build of 362 handlers, which takes seconds
        var rest = process.StandardError.ReadToEndAsync();
        var elapsed = SignalAndWait(process, signal);

        Assert.True(elapsed < Prompt, $"tapline took {elapsed.TotalMilliseconds:F0} ms to end after SIG{signal} in pass 4");
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await stdout);
        Assert.Equal("tapline: interrupted\n", await rest);
        Assert.Empty(Directory.GetFiles(_cache, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Signal_InALongHandler_EndsItAndRunsTheEndProbe()
    {
        var script = "probe begin { warn(\"looping\") while (1) x++ } probe end { printf(\"end\\n\") }";
        using var process = Start("-D", "MAXACTION_INTERRUPTIBLE=100000000000", "-e", script);
        var stdout = process.StandardOutput.ReadToEndAsync();
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null && !line.Contains("looping", StringComparison.Ordinal))
        {
        }
        Assert.NotNull(line);
        Thread.Sleep(300);
        var rest = process.StandardError.ReadToEndAsync();
        var elapsed = SignalAndWait(process, "INT");

        Assert.True(elapsed < Prompt, $"tapline took {elapsed.TotalMilliseconds:F0} ms to end after SIGINT in a handler");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("end\n", await stdout);
        Assert.Equal("", await rest);
    }
}
