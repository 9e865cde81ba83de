using System.Collections.Immutable;

namespace Tapline.Passes.Pipeline;

/// <summary>How a run of the pipeline ended: the last pass that ran, its output, and every pass's output in order.</summary>
public sealed record PipelineResult(PassInfo? LastPass, IPassOutput? LastOutput, bool Succeeded)
{
    /// <summary>What each pass that ran gave, first to last (a built module is among them after pass 5 too).</summary>
    public ImmutableArray<IPassOutput> Outputs { get; init; } = [];
}
