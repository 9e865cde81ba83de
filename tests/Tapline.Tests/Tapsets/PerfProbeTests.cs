using Tapline.Passes.Attachments;
using Tapline.Tapsets.Providers;
using Tapline.Tests.Live;

namespace Tapline.Tests.Tapsets;

/// <summary>perf.* and timer.profile: sampling perf events on every CPU (live, so one at a time with the other live tests).</summary>
[Collection(LiveCollection.Name)]
public sealed class PerfProbeTests
{
    [Theory]
    [InlineData("perf.sw.cpu_clock", 1u, 0ul, 1_000_000L)]
    [InlineData("perf.sw.page_faults.sample(10)", 1u, 2ul, 10L)]
    [InlineData("perf.sw.context_switches", 1u, 3ul, 1_000_000L)]
    [InlineData("perf.hw.instructions.sample(100000)", 0u, 1ul, 100_000L)]
    [InlineData("perf.type(1).config(5).sample(3)", 1u, 5ul, 3L)]
    [InlineData("timer.profile", 1u, 0ul, 4_000_000L)]
    public void PerfPoint_ResolvesToItsEventAndPeriod(string point, uint type, ulong config, long period)
    {
        var (program, diagnostics) = TestPipeline.Elaborate($"probe {point} {{ println(cpu()) }}");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        var resolved = Assert.IsType<PerfProbePoint>(Assert.Single(program.Probes).Point);
        Assert.Equal((type, config, period), (resolved.Type, resolved.Config, resolved.SamplePeriod));
        Assert.Equal(new PerfAttachment(type, config, period), resolved.Attachment);
    }

    [Theory]
    [InlineData("perf.type(1).config(0).process(\"/bin/ls\")", "need uprobes or @perf counters")]
    [InlineData("perf.type(1).config(0).sample(0)", "is .sample(N), N positive")]
    [InlineData("perf.type(1)", "a perf probe is perf.type(T).config(C)")]
    [InlineData("timer.profile(3)", "timer.profile takes no argument")]
    public void BadPerfPoint_IsRefusedWithTheReason(string point, string reason)
    {
        var (program, diagnostics) = TestPipeline.Elaborate($"probe {point} {{ }}");
        Assert.Null(program);
        Assert.Contains(diagnostics, d => d.Id == "STP2002" && d.Message.Contains(reason));
    }

    [Fact]
    public void PerfProbe_IsRefusedInReplay_ForARecordingHoldsNoSamples()
    {
        var output = TestPipeline.Replay("probe perf.sw.cpu_clock { println(1) }", "perf.stp",
            Path.Combine(Repository.Root, "tests", "recordings", "syscalls.perf.data"));
        Assert.Contains("STP5012", output);
        Assert.DoesNotContain("1\n", output.Split("---")[0]);
    }

    [LiveKernelFact]
    public void ContextSwitches_AreSampledInTheCommandsContext_AndTimerProfileTicks()
    {
        var script = """
            global switches, ticks
            probe perf.sw.context_switches.sample(1) { if (pid() == target()) switches++ }
            probe timer.profile { ticks++ }
            probe end { printf("%d %d\n", switches > 0, ticks > 0) }
            """;
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = TestPipeline.RunAll(script, "perf.stp",
            new Passes.Pipeline.RunOptions { Command = "sh -c 'sleep 0.2; sleep 0.2'", Duration = TimeSpan.FromSeconds(60) }, output, errors,
            cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("", errors.ToString());
        Assert.Equal("1 1\n", output.ToString());
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }
}
