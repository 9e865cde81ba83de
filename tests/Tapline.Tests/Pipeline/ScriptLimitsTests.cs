using System.Collections.Immutable;
using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Pipeline;

/// <summary>The `-D` settings the passes read, parsed once with the options.</summary>
public sealed class ScriptLimitsTests
{
    private static PipelineOptions With(params (string Name, string Value)[] defines) =>
        new() { Defines = defines.ToImmutableDictionary(d => d.Name, d => d.Value) };

    [Fact]
    public void Defines_SetTheLimitsEachPassReads()
    {
        var limits = With(("MAXMAPENTRIES", "10"), ("MAXERRORS", "3"), ("MAXACTION", "50"), ("MAXSTRINGLEN", "64")).Limits;

        Assert.Equal((10, 3, 50L, 64), (limits.MaxMapEntries, limits.MaxErrors, limits.Run.MaxAction, limits.Run.MaxStringLength));
    }

    [Theory]
    [InlineData("MAXMAPENTRIES", "0")]
    [InlineData("MAXMAPENTRIES", "many")]
    [InlineData("MAXERRORS", "-1")]
    public void ASettingOfTheWrongSign_KeepsItsDefault(string name, string value) =>
        Assert.Equal(ScriptLimits.Default, With((name, value)).Limits);

    [Fact]
    public void NewDefines_GiveNewLimits()
    {
        var options = With(("MAXERRORS", "3"));

        Assert.Equal(7, (options with { Defines = ImmutableDictionary<string, string>.Empty.Add("MAXERRORS", "7") }).Limits.MaxErrors);
        Assert.Equal(3, options.Limits.MaxErrors);
    }
}
