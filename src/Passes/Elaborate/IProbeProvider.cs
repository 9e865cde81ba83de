using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// One family of probe points (tracepoints, timers, begin/end, prometheus): it matches
/// points whose first component it owns. A new family is a new provider, registered
/// where the command line assembles the pipeline.
/// </summary>
public interface IProbeProvider
{
    /// <summary>The first components this family owns: "begin", "timer", "kernel"...</summary>
    IReadOnlyCollection<string> Roots { get; }

    /// <summary>Resolves a point (aliases already expanded) into concrete points, or says why it cannot.</summary>
    ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components);

    /// <summary>Every concrete point of the family, for `-l` (may be empty for parametric families).</summary>
    IEnumerable<string> ListPoints() => [];
}

/// <summary>What a provider made of a point: the concrete points, or why there are none.</summary>
/// <param name="Alias">
/// Script text of one alias (`probe NAME = TARGET { ... }`) that stands for the point: the
/// family serves it through other points and a prologue, as a tapset alias would.
/// </param>
/// <param name="AliasPointText">What `pp()` names the points the alias expands into (stap's canonical form of the point).</param>
public sealed record ProbeResolution(ImmutableArray<ResolvedProbePoint> Points, string? Failure, string? Alias = null, string? AliasPointText = null)
{
    public static ProbeResolution AsAlias(string alias, string pointText) => new([], null, alias, pointText);

    public static ProbeResolution Of(params ResolvedProbePoint[] points) => new([.. points], null);

    public static ProbeResolution Of(IEnumerable<ResolvedProbePoint> points) => new([.. points], null);

    public static ProbeResolution Fail(string reason) => new([], reason);

    public static readonly ProbeResolution NoMatch = new([], null);
}
