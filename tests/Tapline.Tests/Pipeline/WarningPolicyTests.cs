using Tapline.Passes.Diagnostics;

namespace Tapline.Tests.Pipeline;

/// <summary>`-w` drops warnings; `-W` makes them errors, which stop the pipeline as errors do.</summary>
public sealed class WarningPolicyTests
{
    private static void ReportOneWarning(DiagnosticBag bag) => bag.ReportCacheEntryRefused("/cache/entry", "it is not owned by this user");

    [Fact]
    public void Default_KeepsWarningsAsWarnings()
    {
        var bag = new DiagnosticBag();
        ReportOneWarning(bag);
        Assert.Equal(1, bag.Count);
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void SuppressWarnings_DropsThem()
    {
        var bag = new DiagnosticBag { SuppressWarnings = true };
        ReportOneWarning(bag);
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void WarningsAreErrors_TurnsThemIntoErrors()
    {
        var bag = new DiagnosticBag { WarningsAreErrors = true };
        ReportOneWarning(bag);
        Assert.True(bag.HasErrors);
        Assert.Contains("error:", bag.Single().ToString());
    }
}
