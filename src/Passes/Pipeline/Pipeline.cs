using System.Collections.Immutable;

namespace Tapline.Passes.Pipeline;

/// <summary>
/// An ordered chain of passes from <typeparamref name="TInput"/> to <typeparamref name="TOutput"/>,
/// built with <see cref="Then{TNext}"/>. Types check the chain: a pass can be inserted
/// between two others wherever its input and output types fit.
/// </summary>
public sealed class Pipeline<TInput, TOutput> where TOutput : IPassOutput
{
    internal Pipeline(ImmutableArray<PipelineStage> stages) => Stages = stages;

    internal ImmutableArray<PipelineStage> Stages { get; }

    public IEnumerable<PassInfo> Passes => Stages.Select(s => s.Info);

    /// <summary>Each pass with the forms it takes and gives, for `--list-passes`.</summary>
    public IEnumerable<PassShape> Shapes => Stages.Select(s => new PassShape(s.Info, s.InputType, s.OutputType));

    public Pipeline<TInput, TNext> Then<TNext>(IPass<TOutput, TNext> pass) where TNext : IPassOutput =>
        new(Stages.Add(PipelineStage.Of(pass)));

    /// <summary>The same chain, its last output known only as an <see cref="IPassOutput"/>.</summary>
    public Pipeline<TInput, IPassOutput> Erase() => new(Stages);
}

/// <summary>A pass and the forms of its input and output.</summary>
public sealed record PassShape(PassInfo Info, Type Input, Type Output)
{
    public override string ToString() => $"{Info.Number} {Info.Name}: {Input.Name} -> {Output.Name}";
}

public static class Pipeline
{
    public static Pipeline<TInput, TOutput> StartWith<TInput, TOutput>(IPass<TInput, TOutput> pass)
        where TOutput : IPassOutput =>
        new(ImmutableArray.Create(PipelineStage.Of(pass)));
}

/// <summary>A pass with its types erased, so the runner can hold a chain of different passes; the types are kept to check a chain.</summary>
internal sealed record PipelineStage(PassInfo Info, Type InputType, Type OutputType, Func<object, PassContext, IPassOutput> Run)
{
    public static PipelineStage Of<TIn, TOut>(IPass<TIn, TOut> pass) where TOut : IPassOutput =>
        new(pass.Info, typeof(TIn), typeof(TOut), (input, context) => pass.Run((TIn)input, context));
}
