namespace Tapline.Passes.Diagnostics;

/// <summary>The messages of pass 5 (run), ids STP5xxx.</summary>
public sealed partial class DiagnosticBag
{
    /// <summary>The live system cannot be traced: no tracefs, no privileges, a perf call refused.</summary>
    public void ReportTracingUnavailable(string reason) => Error("STP5001", null, $"cannot trace the live system: {reason}");

    public void ReportBadRecording(string path, string reason) => Error("STP5002", null, $"cannot replay '{path}': {reason}");

    public void ReportTracepointNotInKernel(string tracepoint) =>
        Error("STP5003", null, $"tracepoint {tracepoint} is not in this kernel (see `tapline -l 'kernel.trace(\"*\")'`)");

    public void ReportTracepointNotRecorded(string path, string tracepoint) =>
        Add(new Diagnostic("STP5004", DiagnosticSeverity.Warning, null,
            $"'{path}' holds no {tracepoint} events: its probes will not run (record it with perf record -e {tracepoint})"));

    public void ReportSamplingNotRecorded(string path) =>
        Error("STP5012", null, $"perf probes (perf.*, timer.profile) sample the live system's events, and a recording such as '{path}' holds none to replay");

    public void ReportExistingProcessesNotReplayed(string path) =>
        Add(new Diagnostic("STP5013", DiagnosticSeverity.Warning, null,
            $"process.begin does not fire in a replay for the processes that already ran when '{path}' was recorded; it fires for those that began in it"));

    public void ReportCommandFailed(string command, string reason) => Error("STP5005", null, $"cannot run -c '{command}': {reason}");

    public void ReportFamilyNotRecorded(string path, string point) =>
        Error("STP5014", null, $"probe {point}: its events come from a plug-in's event source, and a recording such as '{path}' holds none to replay");

    /// <summary>The kernel refused one of pass 3's BPF programs (a capture, a uprobe's): the handlers that need it cannot run as asked.</summary>
    public void ReportCaptureUnavailable(string reason, string? verifierSays) =>
        Error("STP5016", null, $"the kernel refused Tapline's BPF programs: {reason}" +
            (verifierSays is null ? "" : $"; the verifier says: {verifierSays}") +
            " (a tracepoint handler that reads user memory runs without them with --late-user-reads, which reads it afterwards; uprobes need them)");

    public void ReportUserMemoryNotRecorded(string path, string point) =>
        Error("STP5017", null,
            $"probe {point} reads the traced process's memory, which Tapline copies while the events fire; a recording such as '{path}' holds none (--late-user-reads runs it, and each read fails)");

    public void ReportUprobeNotRecorded(string path, string uprobe) =>
        Error("STP5018", null, $"{uprobe}: a uprobe's hits come from its BPF program, and a recording such as '{path}' holds none to replay");

    public void ReportEventSourceFailed(string point, string reason) => Error("STP5015", null, $"cannot open the events of probe {point}: {reason}");

    public void ReportUnsupportedAtRun(string point, string reason) => Error("STP5006", null, $"probe {point} cannot run: {reason}");

    /// <summary>Handlers failed at run time; each error was reported as it happened (`ERROR: ... at FILE:LINE`).</summary>
    public void ReportRunFailed(int errors) => Error("STP5010", null, $"run failed: {errors} run-time error{(errors == 1 ? "" : "s")}");

    /// <summary>Records of kinds a replay does not read (throttling, unknown kinds): what they held is not in the output.</summary>
    public void ReportRecordsSkipped(string path, string kinds) =>
        Add(new Diagnostic("STP5011", DiagnosticSeverity.Warning, null, $"the recording {path} has records tapline does not read, skipped: {kinds}"));
}
