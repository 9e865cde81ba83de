using System.Text.RegularExpressions;
using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Live;

/// <summary>Pass 5 on the live system, in this process: the errno table, and no perf descriptor left behind on any path.</summary>
[Collection(LiveCollection.Name)]
public sealed class LiveRunTests
{
    private const int FailingOpens = 2000;

    [LiveKernelTheory]
    [InlineData("errno.stp")]
    [InlineData("errno_any.stp")]
    public void Errno_counts_exactly_the_failing_openat_calls_of_a_command(string example)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var command = $"{Workloads.Path("failing_open")} {FailingOpens} /nonexistent/tapline-live";
        var diagnostics = TestPipeline.RunAll(File.ReadAllText(Path.Combine(Repository.Examples, example)), example,
            new RunOptions { Command = command, Duration = TimeSpan.FromSeconds(60) }, output, errors, cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("", errors.ToString()); // no errors, no lost events
        Assert.Matches(new Regex(@$"^\s+\d+ openat\s+failing_open-\S*\s+ENOENT\s+{FailingOpens}$", RegexOptions.Multiline), output.ToString());
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }

    [LiveKernelFact]
    public void A_run_ended_by_its_duration_prints_the_end_probe_and_closes_every_descriptor()
    {
        var before = LiveCollection.PerfDescriptors();
        var output = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = TestPipeline.RunAll("global n probe syscall.*.return { n++ } probe end { printf(\"ended\\n\") }", "duration.stp",
            new RunOptions { Duration = TimeSpan.FromSeconds(0.5) }, output, new StringWriter(), cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("ended\n", output.ToString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.5), "the run ended before its duration");
        Assert.Equal(0, before);
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }

    [LiveKernelFact]
    public void An_interrupted_run_runs_its_end_probe_and_closes_every_descriptor()
    {
        using var interrupt = new CancellationTokenSource();
        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed); // its methods lock the writer itself
        string Printed()
        {
            lock (output)
                return printed.ToString();
        }
        var script = "probe syscall.*.return { if (0) next } probe timer.ms(50) { printf(\"tick\\n\") } probe end { printf(\"end\\n\") }";
        var run = Task.Run(() => TestPipeline.RunAll(script, "interrupted.stp", new RunOptions(), output, new StringWriter(),
            interrupt.Token, LiveCollection.CacheDirectory));
        while (!Printed().Contains("tick") && !run.IsCompleted)
            Thread.Sleep(10);
        Assert.True(LiveCollection.PerfDescriptors() > 0, "the run holds no perf descriptors while it runs");
        interrupt.Cancel();
        var diagnostics = run.Result;

        Assert.Equal(0, diagnostics.Count);
        Assert.EndsWith("end\n", Printed());
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }

    [LiveKernelFact]
    public void A_handler_error_ends_the_run_with_error_probes_and_closes_every_descriptor()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var script = "global zero, quotient probe syscall.*.return { quotient = 1 / zero } probe end { println(\"not run\") } probe error { println(\"error probe\") }";
        var diagnostics = TestPipeline.RunAll(script, "failing.stp", new RunOptions { Duration = TimeSpan.FromSeconds(30) }, output, errors,
            cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal("error probe\n", output.ToString());
        Assert.Matches(@"^ERROR: division by 0 at failing\.stp:1:\d+\nWARNING: Number of errors: 1, skipped probes: 0\n$", errors.ToString());
        Assert.Contains(diagnostics, d => d.Id == "STP5010");
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }

    [LiveKernelFact]
    public void Every_event_is_handled_or_counted_as_lost_when_a_handler_stalls_the_reader()
    {
        const int Calls = 300000;
        var output = new StringWriter();
        var errors = new StringWriter();
        // A timer handler that runs for a second or so while the storm fills a 1 MB ring.
        var script = "global n, stalled probe syscall.getppid.return { if (pid() == target()) n++ } " +
                     "probe timer.ms(20) { if (!stalled) { stalled = 1; for (i = 0; i < 20000000; i++) { } } } " +
                     "probe end { printf(\"%d\\n\", n) }";
        var diagnostics = TestPipeline.RunAll(script, "stall.stp",
            new RunOptions { Command = $"{Workloads.Path("syscall_storm")} {Calls}", Duration = TimeSpan.FromSeconds(120), BufferMegabytes = 1 },
            output, errors, cacheDirectory: LiveCollection.CacheDirectory,
            defines: new Dictionary<string, string> { ["MAXACTION"] = "1000000000" });

        Assert.Equal(0, diagnostics.Count);
        var handled = long.Parse(output.ToString().Trim());
        var lost = Regex.Match(errors.ToString(), @"Number of lost events: (\d+)") is { Success: true } match ? long.Parse(match.Groups[1].Value) : 0;
        // The lost count holds other processes' losses too, so it may only err upwards.
        Assert.True(handled + lost >= Calls, $"{handled} handled + {lost} lost < {Calls} calls: events vanished uncounted");
        Assert.True(handled <= Calls);
    }
}
