using Tapline.Tracing.Bpf;

namespace Tapline.Tracing.Capture;

/// <summary>
/// A capture plan as a tracepoint program: it uses a one-entry per-CPU array of
/// <paramref name="BufferBytes"/> (map <see cref="BufferMap"/>) to assemble each record, and
/// sends it through the perf event array <see cref="OutputMap"/>, one bpf-output event per CPU.
/// </summary>
public sealed record CaptureProgram(CapturePlan Plan, BpfProgram Program, int BufferBytes)
{
    public const string BufferMap = "buffer";
    public const string OutputMap = "output";
}
