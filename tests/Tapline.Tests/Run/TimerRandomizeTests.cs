using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Run;

/// <summary>timer.ms(N).randomize(M): each period is N give or take up to M.</summary>
public sealed class TimerRandomizeTests
{
    [Fact]
    public void RandomizedTimer_VariesItsPeriodWithinTheSpread()
    {
        var script = """
            global n, last, shortest = 1000000000, longest
            probe timer.ms(4).randomize(3) {
              now = local_clock_ns()
              if (n++ > 0) { gap = now - last; if (gap < shortest) shortest = gap; if (gap > longest) longest = gap }
              last = now
              if (n == 40) exit()
            }
            probe end { printf("%d %d %d\n", shortest >= 1000000, longest <= 7000000, shortest < longest) }
            """;
        var output = new StringWriter();
        var diagnostics = TestPipeline.RunAll(script, "randomize.stp", new RunOptions { Duration = TimeSpan.FromSeconds(60) }, output, new StringWriter());

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("1 1 1\n", output.ToString());
    }
}
