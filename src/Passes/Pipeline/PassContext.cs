using Tapline.Passes.Diagnostics;

namespace Tapline.Passes.Pipeline;

/// <summary>What every pass may read (options, services) and report into (diagnostics).</summary>
public sealed class PassContext
{
    public PassContext(
        PipelineOptions options, ServiceRegistry? services = null, DiagnosticBag? diagnostics = null, CancellationToken cancellation = default)
    {
        Options = options;
        Services = services ?? new ServiceRegistry();
        Diagnostics = diagnostics ?? new DiagnosticBag();
        Cancellation = cancellation;
    }

    public PipelineOptions Options { get; }
    public ServiceRegistry Services { get; }

    public DiagnosticBag Diagnostics { get; }
    public CancellationToken Cancellation { get; }
}
