using System.Collections.Immutable;

namespace Tapline.Passes.Pipeline;

/// <summary>
/// Edits a chain of passes by name: insert a pass after or before another, replace one, remove
/// one, or keep the ones a list names (`--passes`), in its order. <see cref="Build{TInput, TOutput}"/>
/// checks that each pass takes what the one before it gives and says where the chain breaks.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<PipelineStage> _stages;

    private PipelineBuilder(IEnumerable<PipelineStage> stages) => _stages = [.. stages];

    public static PipelineBuilder From<TInput, TOutput>(Pipeline<TInput, TOutput> pipeline) where TOutput : IPassOutput =>
        new(pipeline.Stages);

    /// <summary>The passes in order, by name.</summary>
    public IEnumerable<string> Names => _stages.Select(s => s.Info.Name);

    public PipelineBuilder InsertAfter<TIn, TOut>(string name, IPass<TIn, TOut> pass) where TOut : IPassOutput
    {
        _stages.Insert(IndexOf(name) + 1, PipelineStage.Of(pass));
        return this;
    }

    public PipelineBuilder InsertBefore<TIn, TOut>(string name, IPass<TIn, TOut> pass) where TOut : IPassOutput
    {
        _stages.Insert(IndexOf(name), PipelineStage.Of(pass));
        return this;
    }

    public PipelineBuilder Replace<TIn, TOut>(string name, IPass<TIn, TOut> pass) where TOut : IPassOutput
    {
        _stages[IndexOf(name)] = PipelineStage.Of(pass);
        return this;
    }

    public PipelineBuilder Remove(string name)
    {
        _stages.RemoveAt(IndexOf(name));
        return this;
    }

    /// <summary>Keeps the passes <paramref name="names"/> names, in that order (each once).</summary>
    public PipelineBuilder Select(IReadOnlyList<string> names)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new PipelineShapeException($"pass '{duplicate.Key}' is named twice");
        var chosen = names.Select(n => _stages[IndexOf(n)]).ToList();
        _stages.Clear();
        _stages.AddRange(chosen);
        return this;
    }

    /// <summary>The chain, checked: it starts from <typeparamref name="TInput"/>, each pass takes what the one before gives, it ends in <typeparamref name="TOutput"/>.</summary>
    public Pipeline<TInput, TOutput> Build<TInput, TOutput>() where TOutput : IPassOutput
    {
        if (_stages.Count == 0)
            throw new PipelineShapeException("the chain has no passes");
        var given = typeof(TInput);
        var giver = "the script";
        foreach (var stage in _stages)
        {
            if (!stage.InputType.IsAssignableFrom(given))
                throw new PipelineShapeException($"pass '{stage.Info.Name}' takes {stage.InputType.Name}, but {giver} gives {given.Name}");
            (given, giver) = (stage.OutputType, $"'{stage.Info.Name}'");
        }
        if (!typeof(TOutput).IsAssignableFrom(given))
            throw new PipelineShapeException($"the chain must end in {typeof(TOutput).Name}, but {giver} gives {given.Name}");
        return new Pipeline<TInput, TOutput>(_stages.ToImmutableArray());
    }

    private int IndexOf(string name)
    {
        var index = _stages.FindIndex(s => s.Info.Name == name);
        return index >= 0
            ? index
            : throw new PipelineShapeException($"there is no pass '{name}' (the chain is {string.Join(",", Names)})");
    }
}

/// <summary>A chain of passes that cannot be built as asked: an unknown pass, or one that does not take what the one before gives.</summary>
public sealed class PipelineShapeException(string message) : Exception(message);
