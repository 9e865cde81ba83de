using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `kernel.trace("SYSTEM:NAME")` and `kernel.trace("NAME")` (any system), with `*`
/// wildcards in either part, matched against the tracepoint catalog; on `raw_syscalls`,
/// `.syscall(N)` takes only syscall N's events (the syscall tapsets are built on it). The
/// other `kernel.*` points need kprobes and debuginfo, which this kernel does not offer.
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
        var parts = pattern.Value.Split(':', 2);
        if (components.Length > 2)
            return ResolveSyscall(parts, components);
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

    /// <summary>`kernel.trace("raw_syscalls:sys_enter").syscall(N)` and the same on `sys_exit`.</summary>
    private ProbeResolution ResolveSyscall(string[] parts, ImmutableArray<ProbePointComponentSyntax> components)
    {
        if (components[2].Name != "syscall" || parts is not ["raw_syscalls", "sys_enter" or "sys_exit"])
            return ProbeResolution.Fail($"tracepoints have no '.{components[2].Name}': probe the matching tracepoint instead");
        if (components.Length > 3 || components[2].Argument is not NumberLiteralSyntax { Value: >= 0 } number)
            return ProbeResolution.Fail("'.syscall(N)' takes a syscall number and ends the point");
        return catalog.Find(new TracepointName(parts[0], parts[1])) is { } format
            ? ProbeResolution.Of(new TracepointProbePoint(format) { SyscallNumber = number.Value })
            : ProbeResolution.NoMatch;
    }

    public IEnumerable<string> ListPoints() => catalog.Names.Select(n => TracepointAttachment.PointText(n.System, n.Name));
}
