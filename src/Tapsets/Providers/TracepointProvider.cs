using System.Collections.Immutable;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `kernel.trace("SYSTEM:NAME")` and `kernel.trace("NAME")` (any system), with `*`
/// wildcards in either part, matched against the tracepoint catalog. The other
/// `kernel.*` points need kprobes and debuginfo, which this kernel does not offer.
/// </summary>
public sealed class TracepointProvider(ITracepointCatalog catalog) : IProbeProvider
{
    public IReadOnlyCollection<string> Roots { get; } = ["kernel"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components)
    {
        if (components.Length < 2 || components[1].Name != "trace")
        {
            var what = components.Length < 2 ? "kernel" : $"kernel.{components[1].Name}";
            return ProbeResolution.Fail(
                $"{what} probes need kprobes and kernel debuginfo; this kernel has no kprobes, so use kernel.trace(\"SYSTEM:NAME\")");
        }
        if (components[1].Argument is not StringLiteralSyntax pattern)
            return ProbeResolution.Fail("kernel.trace takes a string: kernel.trace(\"SYSTEM:NAME\")");
        if (components.Length > 2)
            return ProbeResolution.Fail($"tracepoints have no '.{components[2].Name}': probe the matching tracepoint instead");

        var parts = pattern.Value.Split(':', 2);
        var (system, name) = parts.Length == 2 ? (parts[0], parts[1]) : ("*", parts[0]);
        if (!Glob.HasWildcard(system) && !Glob.HasWildcard(name))
        {
            // An exact name needs only its own format, not the whole catalog's list.
            return catalog.Find(new TracepointName(system, name)) is { } format
                ? ProbeResolution.Of(new TracepointProbePoint(format))
                : ProbeResolution.NoMatch;
        }
        var points = catalog.Names
            .Where(n => Glob.Matches(system, n.System) && Glob.Matches(name, n.Name))
            .Select(catalog.Find)
            .OfType<TracepointFormat>()
            .Select(format => new TracepointProbePoint(format))
            .ToList();
        return ProbeResolution.Of(points);
    }

    public IEnumerable<string> ListPoints() => catalog.Names.Select(n => TracepointProbePoint.TextOf(n.System, n.Name));
}
