using System.Collections.Immutable;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// The SystemTap probe families that need what this kernel or Tapline lacks (kprobes,
/// uprobes, debuginfo): each point is refused with the reason, at its source position.
/// </summary>
public sealed class UnsupportedProvider : IProbeProvider
{
    private static readonly Dictionary<string, string> Reasons = new()
    {
        ["kprobe"] = "kprobe probes need kprobes, which this kernel does not have (no CONFIG_KPROBES); use kernel.trace(\"SYSTEM:NAME\")",
        ["kretprobe"] = "kretprobe probes need kprobes, which this kernel does not have (no CONFIG_KPROBES)",
        ["module"] = "module(...) probes need kprobes and the module's debuginfo; this kernel has no kprobes",
        ["procfs"] = "procfs probes need a kernel module, which Tapline does not build",
        ["netfilter"] = "netfilter probes need a kernel module, which Tapline does not build",
        ["java"] = "java(...) probes need Byteman, which Tapline does not support",
        ["python2"] = "python probes need uprobes, which Tapline does not support",
        ["python3"] = "python probes need uprobes, which Tapline does not support",
        ["hrtimer"] = "hrtimer probes are not supported; use timer.ns(N)",
        ["tcp"] = KernelFunctions("tcp"),
        ["udp"] = KernelFunctions("udp"),
        ["socket"] = KernelFunctions("socket"),
        ["ipmib"] = KernelFunctions("ipmib"),
        ["tcpmib"] = KernelFunctions("tcpmib"),
        ["linuxmib"] = KernelFunctions("linuxmib"),
        ["nfs"] = KernelFunctions("nfs"),
        ["nfsd"] = KernelFunctions("nfsd"),
        ["sunrpc"] = KernelFunctions("sunrpc"),
        ["scsi"] = KernelFunctions("scsi"),
        ["vfs"] = KernelFunctions("vfs"),
        ["generic"] = KernelFunctions("generic"),
        ["ioscheduler"] = KernelFunctions("ioscheduler"),
        ["ioscheduler_trace"] = KernelFunctions("ioscheduler_trace"),
    };

    /// <summary>Why a point of a stap tapset built on kernel functions, that no tracepoint serves here, cannot be used.</summary>
    private static string KernelFunctions(string tapset) =>
        $"stap's {tapset} tapset probes kernel functions, which need kprobes, and this kernel has none (no CONFIG_KPROBES); " +
        "probe a tracepoint that serves it with kernel.trace(\"SYSTEM:NAME\")";

    public IReadOnlyCollection<string> Roots => Reasons.Keys;

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components) =>
        ProbeResolution.Fail(Reasons[components[0].Name]);
}
