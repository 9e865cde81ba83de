using System.Diagnostics;
using Tapline.Tracing.Files;

namespace Tapline.Tests.Cli;

/// <summary>
/// Where the script's output goes, in a real process: `-o` writes as the run goes, onto what
/// the path names (a device, a FIFO and a link stay what they are); a sink that cannot be
/// written is one line and exit 1; a reader who stops reading never holds the run.
/// </summary>
public sealed class OutputTests : IDisposable
{
    private const string Hello = "probe begin { printf(\"hello\\n\"); exit() }";

    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-output-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static void AssertOneLine(TaplineProcess.Outcome outcome, string expected)
    {
        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expected, line);
    }

    [Fact]
    public void Output_ToDevFull_IsOneLineAndExitOne()
    {
        AssertOneLine(TaplineProcess.Run("", "-o", "/dev/full", "-e", Hello), "tapline: cannot write '/dev/full': No space left on device");
    }

    [Fact]
    public void StandardOutput_ToDevFull_IsOneLineAndExitOne()
    {
        AssertOneLine(TaplineProcess.Run(">/dev/full", "-e", Hello), "tapline: cannot write standard output: No space left on device");
    }

    [Fact]
    public void StandardOutput_Closed_IsOneLineAndExitOne()
    {
        AssertOneLine(TaplineProcess.Run(">&-", "-e", Hello), "tapline: cannot write standard output: it is closed");
    }

    [Fact]
    public void Output_ThroughASymbolicLink_WritesItsTargetAndKeepsTheLink()
    {
        var target = PathOf("target");
        File.WriteAllText(target, "old\n");
        File.CreateSymbolicLink(PathOf("link"), target);

        var outcome = TaplineProcess.Run("", "-o", PathOf("link"), "-e", Hello);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("hello\n", File.ReadAllText(target));
        Assert.Equal(FileKind.SymbolicLink, FileStatus.OfPath(PathOf("link"), followLinks: false)!.Value.Kind);
    }

    [Fact]
    public void Output_ToACharacterDevice_LeavesTheDevice()
    {
        var outcome = TaplineProcess.Run("", "-o", "/dev/null", "-e", Hello);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(FileKind.CharacterDevice, FileStatus.OfPath("/dev/null", followLinks: false)!.Value.Kind);
    }

    [Fact]
    public async Task Output_ToAFifo_ReachesItsReaderAndLeavesTheFifo()
    {
        var fifo = PathOf("fifo");
        SecureFileHelpers.MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var outcome = TaplineProcess.Run("", "-o", fifo, "-e", Hello);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("hello\n", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Fifo, FileStatus.OfPath(fifo, followLinks: false)!.Value.Kind);
    }

    [Fact]
    public void Output_ARunThatFailsBeforePassFive_LeavesTheOldFileAndCreatesNone()
    {
        var old = PathOf("old");
        File.WriteAllText(old, "kept\n");

        var failed = TaplineProcess.Run("", "-o", old, "-e", "probe begin { printf(\"x\") ");
        var never = TaplineProcess.Run("", "-o", PathOf("new"), "-e", "probe nonesuch.point { }");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("kept\n", File.ReadAllText(old));
        Assert.Equal(1, never.ExitCode);
        Assert.False(File.Exists(PathOf("new")));
        Assert.Equal(["old"], Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_ARunThatPrintsNothing_StillCreatesTheFile()
    {
        var outcome = TaplineProcess.Run("", "-o", PathOf("empty"), "-e", "probe begin { exit() }");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", File.ReadAllText(PathOf("empty")));
    }

    [Fact]
    public void Output_IsWrittenAsTheRunGoes_SoAKilledRunKeepsIt()
    {
        var file = PathOf("out");
        using var process = TaplineProcess.Start("-o", file, "-e", "probe begin { printf(\"first\\n\") } probe timer.s(60) { exit() }");
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(file) && File.ReadAllText(file) == "first\n") && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(50);
        TaplineProcess.Signal(process, "KILL");
        process.WaitForExit();

        Assert.Equal("first\n", File.ReadAllText(file));
    }

    [Fact]
    public void StandardOutput_ABrokenPipe_EndsTheRunQuietly()
    {
        var outcome = TaplineProcess.Run("| head -1", "-e", "probe timer.ms(1) { printf(\"line\\n\") }");

        Assert.Equal("line\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void StandardOutput_NotRead_NeverHoldsTheRunPastASignal(string signal)
    {
        // Nobody reads the pipe: it fills in milliseconds, and the pump's queue behind it.
        var script = "probe timer.ms(1) { for (i = 0; i < 64; i++) printf(\"%s\\n\", \"0123456789abcdef0123456789abcdef\") }";
        using var process = TaplineProcess.StartInShell("| sleep 120", "-e", script);
        var stderr = process.StandardError.ReadToEndAsync();
        Thread.Sleep(3000);
        var tapline = Live.Workloads.Run("pgrep", "-P", process.Id.ToString(), "-f", "tapline.dll").Output.Trim();
        var pid = tapline.Length > 0 ? int.Parse(tapline.Split('\n')[0]) : process.Id;
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Live.Workloads.Run("kill", $"-{signal}", pid.ToString()).ExitCode);
        while (Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z" && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(10);
        var elapsed = clock.Elapsed;
        Live.Workloads.Run("pkill", "-P", process.Id.ToString(), "sleep");
        process.Kill(entireProcessTree: true);

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"tapline took {elapsed.TotalMilliseconds:F0} ms to end after SIG{signal}");
    }
}

/// <summary>A full disk, made real: a tiny tmpfs that root mounts for the test.</summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("tapline-full-").FullName;
    private readonly bool _mounted;

    public FullDiskTests()
    {
        if (RootFactAttribute.IsRoot)
            _mounted = Live.Workloads.Run("mount", "-t", "tmpfs", "-o", "size=16k", "tapline-test", _mount).ExitCode == 0;
    }

    public void Dispose()
    {
        if (_mounted)
            Live.Workloads.Run("umount", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    [RootFact]
    public void Output_OnAFullDisk_IsOneLineExitOneAndNoTemporary()
    {
        Assert.True(_mounted, "could not mount a tmpfs for the test");
        var file = Path.Combine(_mount, "out");
        var script = "probe begin { for (i = 0; i < 1000; i++) printf(\"%s\\n\", \"0123456789abcdef0123456789abcdef\"); exit() }";

        var outcome = TaplineProcess.Run("", "-o", file, "-e", script);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"tapline: cannot write '{file}': No space left on device", line);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_mount).Select(Path.GetFileName));
    }
}
