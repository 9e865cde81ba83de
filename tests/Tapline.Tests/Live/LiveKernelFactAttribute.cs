namespace Tapline.Tests.Live;

/// <summary>
/// A fact that traces the live kernel: it needs root (perf_event_open on system-wide
/// tracepoints, mounting tracefs) and gcc for its workloads. Elsewhere it reports itself
/// skipped with the reason; CI runs as root, so there it runs.
/// </summary>
public sealed class LiveKernelFactAttribute : FactAttribute
{
    /// <param name="needs">A program the test uses (`strace`), found on $PATH, or a file it needs (a header, by its path); or null.</param>
    public LiveKernelFactAttribute(string? needs = null)
    {
        if (Reason() is { } reason)
            Skip = reason;
        else if (needs is not null && !(needs.StartsWith('/') ? File.Exists(needs) : Workloads.OnPath(needs)))
            Skip = $"the test needs {needs}, which is not installed (.ci/run installs it)";
    }

    internal static string? Reason()
    {
        if (!OperatingSystem.IsLinux())
            return "live tracing needs Linux";
        if (!IsRoot())
            return "live tracing needs root (perf_event_open on every CPU, tracefs)";
        if (!File.Exists("/proc/sys/kernel/perf_event_paranoid"))
            return "this kernel has no perf events";
        if (!Workloads.CompilerAvailable)
            return "the workloads need gcc";
        return null;
    }

    private static bool IsRoot() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:"))?.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, _, var effective, ..]
        && effective == "0";
}
