using System.Collections.Immutable;

namespace Tapline.Passes.Pipeline;

/// <summary>
/// Runs a pipeline: the only place that knows the order of the passes. It stops
/// after the last pass numbered <c>stopAfter</c> (`-p N`), or after any pass that
/// reported errors.
/// </summary>
public sealed class PipelineRunner
{
    private readonly List<IPassObserver> _observers = new();

    public PipelineRunner Observe(IPassObserver observer)
    {
        _observers.Add(observer);
        return this;
    }

    public PipelineResult Run<TInput, TOutput>(
        Pipeline<TInput, TOutput> pipeline, TInput input, PassContext context, int stopAfter = int.MaxValue)
        where TInput : notnull
        where TOutput : IPassOutput
    {
        object current = input;
        PassInfo? lastPass = null;
        IPassOutput? lastOutput = null;
        var outputs = ImmutableArray.CreateBuilder<IPassOutput>();

        foreach (var stage in pipeline.Stages)
        {
            if (stage.Info.Number > stopAfter)
                break;
            context.Cancellation.ThrowIfCancellationRequested();

            for (var i = _observers.Count - 1; i >= 0; i--)
                _observers[i].PassStarting(stage.Info);
            var output = stage.Run(current, context);
            foreach (var observer in _observers)
                observer.PassFinished(stage.Info, output, context);

            lastPass = stage.Info;
            lastOutput = output;
            outputs.Add(output);
            current = output;
            if (context.Diagnostics.HasErrors)
                return new PipelineResult(lastPass, lastOutput, Succeeded: false) { Outputs = outputs.ToImmutable() };
        }
        return new PipelineResult(lastPass, lastOutput, Succeeded: true) { Outputs = outputs.ToImmutable() };
    }
}
