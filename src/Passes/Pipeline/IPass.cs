namespace Tapline.Passes.Pipeline;

/// <summary>
/// One pass of the pipeline: takes the previous pass's output and the shared
/// context, returns its own output. A pass never stores its output anywhere else.
/// </summary>
public interface IPass<in TInput, out TOutput> where TOutput : IPassOutput
{
    PassInfo Info { get; }

    TOutput Run(TInput input, PassContext context);
}
