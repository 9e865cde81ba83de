namespace Tapline.Passes.Pipeline;

/// <summary>How a run of the pipeline ended: the last pass that ran and its output.</summary>
public sealed record PipelineResult(PassInfo? LastPass, IPassOutput? LastOutput, bool Succeeded);
