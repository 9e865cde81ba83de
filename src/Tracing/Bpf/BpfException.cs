using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Bpf;

/// <summary>A `bpf()` call failed: which, why, and for a program the verifier's own last words.</summary>
public sealed class BpfException(string operation, int error, string? verifierLog = null)
    : Exception($"{operation} failed: {LibC.ErrorText(error)}{Advice(error)}")
{

    public int Error { get; } = error;

    /// <summary>The verifier's log of a refused program (its last line says why), or null.</summary>
    public string? VerifierLog { get; } = verifierLog;

    /// <summary>The verifier log's last line that says something, or null.</summary>
    public string? VerifierReason => VerifierLog?.Split('\n').Select(l => l.Trim())
        .LastOrDefault(l => l.Length > 0 && !l.StartsWith("processed ", StringComparison.Ordinal) && !l.StartsWith("verification time", StringComparison.Ordinal)
            && !l.StartsWith("stack depth", StringComparison.Ordinal));

    private static string Advice(int error) => error switch
    {
        1 or 13 => " (loading BPF programs needs root, or CAP_BPF and CAP_PERFMON; kernel.unprivileged_bpf_disabled refuses everyone else)",
        38 => " (this kernel has no bpf() system call: CONFIG_BPF_SYSCALL is off)",
        524 => " (ENOTSUPP: the kernel cannot place a uprobe on the instruction at one of the offsets)",
        _ => "",
    };
}
