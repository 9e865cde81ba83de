using System.Collections.Immutable;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `begin`, `end`, `error` (each with an optional priority, lower first), `never`, and `init`:
/// a begin probe that runs before every other one, as stap's.
/// </summary>
public sealed class BeginEndProvider : IProbeProvider
{
    public IReadOnlyCollection<string> Roots { get; } = ["begin", "end", "error", "never", "init"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        var root = components[0];
        if (components.Length > 1)
            return ProbeResolution.Fail($"'{root.Name}' takes no further components");
        if (root.Name == "init")
            return root.Argument is null
                ? ProbeResolution.Of(new BeginEndProbePoint("begin", long.MinValue, "init"))
                : ProbeResolution.Fail("'init' takes no argument");
        if (root.Argument is null)
            return ProbeResolution.Of(new BeginEndProbePoint(root.Name, 0, root.Name));
        if (root.Name == "never" || root.Argument is not NumberLiteralSyntax priority)
            return ProbeResolution.Fail(root.Name == "never" ? "'never' takes no argument" : $"'{root.Name}(N)' takes a number, its priority");
        return ProbeResolution.Of(new BeginEndProbePoint(root.Name, priority.Value, $"{root.Name}({priority.Value})"));
    }

    public IEnumerable<string> ListPoints() => Roots;
}

/// <summary>A point of the run's life: `begin`, `end`, `error`, `never`, in order of priority.</summary>
public sealed record BeginEndProbePoint(string Kind, long Priority, string Text) : ResolvedProbePoint(Kind, Text)
{
    public override long Parameter => Priority;
}
