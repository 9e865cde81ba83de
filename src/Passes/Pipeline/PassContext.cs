using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Pipeline;

/// <summary>What every pass may read (options, services) and report into (diagnostics).</summary>
public sealed class PassContext
{
    public PassContext(PipelineOptions options, DiagnosticBag? diagnostics = null, CancellationToken cancellation = default)
    {
        Options = options;
        Diagnostics = diagnostics ?? new DiagnosticBag();
        Cancellation = cancellation;
    }

    public PipelineOptions Options { get; }
    public DiagnosticBag Diagnostics { get; }
    public CancellationToken Cancellation { get; }
}
