using Tapline.Cli;

namespace Tapline.Tests.Run;

/// <summary>Pass 5 replaying recordings through the `tapline` command: options, bad recordings, what a recording cannot answer.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private static readonly string Recording = Path.Combine(Repository.Root, "tests", "recordings", "syscalls.perf.data");
    private readonly string _directory = Directory.CreateTempSubdirectory("tapline-replay-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TaplineCommand.Run(["--disable-cache", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void AssertNoStackTrace(string stderr)
    {
        Assert.DoesNotContain("Exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Output_file_holds_the_run_and_nothing_is_left_beside_it()
    {
        var output = Path.Combine(_directory, "errno.txt");
        var outcome = Run("--input", Recording, "-o", output, Path.Combine(Repository.Examples, "errno_any.stp"));

        Assert.Equal(0, outcome.Code);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Golden, "errno_any.p5.txt")), File.ReadAllText(output));
        Assert.Equal(["errno.txt"], Directory.EnumerateFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Duration_counts_the_recordings_own_time()
    {
        var script = "global n probe syscall_any.return { n++ } probe end { println(n) }";
        var all = long.Parse(Run("--input", Recording, "-e", script).Stdout);
        var first = long.Parse(Run("--input", Recording, "-T", "0.1", "-e", script).Stdout);

        Assert.InRange(first, 1, all - 1);
    }

    [Fact]
    public void Is_return_tells_exits_from_entries()
    {
        var outcome = Run("--input", Recording, "-e",
            "global r, e probe syscall_any.return { r = is_return() } probe syscall_any { e = is_return() } probe end { printf(\"%d %d\\n\", r, e) }");
        Assert.Equal("1 0\n", outcome.Stdout);
    }

    [Fact]
    public void Process_begin_of_the_processes_running_before_a_recording_is_a_warning()
    {
        var outcome = Run("--input", Recording, "-e", "probe process.begin { } probe end { println(\"end\") }");

        Assert.Equal(0, outcome.Code);
        Assert.Equal("end\n", outcome.Stdout);
        Assert.Contains("process.begin does not fire in a replay for the processes that already ran", outcome.Stderr);
        Assert.Contains("[STP5013]", outcome.Stderr);
    }

    [Fact]
    public void A_tracepoint_the_recording_lacks_is_a_warning_and_its_probes_do_not_run()
    {
        var outcome = Run("--input", Recording, "-e", "probe kernel.trace(\"sched:sched_switch\") { println(\"switch\") } probe end { println(\"end\") }");

        Assert.Equal(0, outcome.Code);
        Assert.Equal("end\n", outcome.Stdout);
        Assert.Contains("holds no sched:sched_switch events: its probes will not run", outcome.Stderr);
        Assert.Contains("[STP5004]", outcome.Stderr);
    }

    [Fact]
    public void A_handler_that_reads_user_memory_is_refused_in_a_replay_with_the_reason()
    {
        var outcome = Run("--input", Recording, "-e", "probe syscall.openat { println(filename) }");

        Assert.Equal(1, outcome.Code);
        Assert.Matches(@"error: probe kernel\.trace\(""raw_syscalls:sys_enter""\) at <input>:1:1 reads the traced process's memory, " +
            "which Tapline copies while the events fire; a recording such as '.+' holds none \\(--late-user-reads runs it, and each read fails\\) \\[STP5017\\]",
            outcome.Stderr);
        Assert.DoesNotContain("ERROR:", outcome.Stderr);
        AssertNoStackTrace(outcome.Stderr);
    }

    [Fact]
    public void With_late_user_reads_each_read_in_a_replay_is_a_clear_run_time_error()
    {
        var outcome = Run("--input", Recording, "--late-user-reads", "-e", "probe syscall.openat { println(filename) }");

        Assert.Equal(1, outcome.Code);
        Assert.Matches(@"ERROR: user memory \(0x[0-9a-f]+ of process \d+\) is not part of a recording at syscalls\.stp:\d+", outcome.Stderr);
        Assert.Contains("WARNING: Number of errors: 1, skipped probes: 0", outcome.Stderr);
        Assert.Contains("error: run failed: 1 run-time error [STP5010]", outcome.Stderr);
        AssertNoStackTrace(outcome.Stderr);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(104)]
    [InlineData(4096)]
    [InlineData(60000)]
    public void A_truncated_recording_is_refused_with_a_diagnostic(int length)
    {
        var truncated = Path.Combine(_directory, "truncated.data");
        File.WriteAllBytes(truncated, File.ReadAllBytes(Recording)[..length]);
        var outcome = Run("--input", truncated, Path.Combine(Repository.Examples, "errno_any.stp"));

        Assert.Equal(1, outcome.Code);
        Assert.Contains($"error: cannot replay '{truncated}': ", outcome.Stderr);
        Assert.Contains("[STP5002]", outcome.Stderr);
        AssertNoStackTrace(outcome.Stderr);
    }

    [Theory]
    [InlineData(0, 104, 3)]          // the file header
    [InlineData(104, 60000, 397)]    // attributes, then records
    [InlineData(60000, 125820, 1009)] // records, then the feature sections
    public void A_corrupted_byte_is_a_diagnostic_or_a_run_never_a_crash(int from, int to, int step)
    {
        var original = File.ReadAllBytes(Recording);
        var corrupt = Path.Combine(_directory, "corrupt.data");
        for (var offset = from; offset < Math.Min(to, original.Length); offset += step)
        {
            var bytes = (byte[])original.Clone();
            bytes[offset] ^= 0xff;
            File.WriteAllBytes(corrupt, bytes);
            var outcome = Run("--input", corrupt, "-e", "global n probe syscall_any.return { n++ } probe end { println(n) }");
            Assert.True(outcome.Code == 0 || outcome.Stderr.Contains("[STP5002]") || outcome.Stderr.Contains("[STP5010]"), $"byte {offset}: {outcome.Stderr}");
            AssertNoStackTrace(outcome.Stderr);
        }
    }
}
