using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Plugins;

/// <summary>
/// What the plug-ins of a run registered: passes at named places in the chain, probe families
/// (providers, found by their first component like the built-in ones), and tapset directories
/// searched before the default library.
/// </summary>
public sealed class PluginRegistration
{
    private readonly List<Action<PipelineBuilder>> _passEdits = new();
    private readonly List<IProbeProvider> _providers = new();
    private readonly List<string> _tapsetDirectories = new();

    public IReadOnlyList<IProbeProvider> Providers => _providers;

    public IReadOnlyList<string> TapsetDirectories => _tapsetDirectories;

    public PluginRegistration InsertPassAfter<TIn, TOut>(string name, IPass<TIn, TOut> pass) where TOut : IPassOutput
    {
        _passEdits.Add(builder => builder.InsertAfter(name, pass));
        return this;
    }

    public PluginRegistration InsertPassBefore<TIn, TOut>(string name, IPass<TIn, TOut> pass) where TOut : IPassOutput
    {
        _passEdits.Add(builder => builder.InsertBefore(name, pass));
        return this;
    }

    public PluginRegistration ReplacePass<TIn, TOut>(string name, IPass<TIn, TOut> pass) where TOut : IPassOutput
    {
        _passEdits.Add(builder => builder.Replace(name, pass));
        return this;
    }

    public PluginRegistration AddProbeFamily(IProbeProvider provider)
    {
        _providers.Add(provider);
        return this;
    }

    public PluginRegistration AddTapsetDirectory(string directory)
    {
        _tapsetDirectories.Add(Path.GetFullPath(directory));
        return this;
    }

    /// <summary>Applies the registered pass edits to a chain, in the order they were registered.</summary>
    public PipelineBuilder Apply(PipelineBuilder builder)
    {
        foreach (var edit in _passEdits)
            edit(builder);
        return builder;
    }
}
