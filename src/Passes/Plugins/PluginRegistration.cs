using System.Reflection;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Run;

namespace Tapline.Passes.Plugins;

/// <summary>
/// What the plug-ins of a run registered: passes at named places in the chain, probe families
/// (providers, found by their first component like the built-in ones, with the event sources
/// that serve their points in pass 5), tapset directories searched before the default library,
/// and the blocks of diagnostic ids they report under.
/// </summary>
public sealed class PluginRegistration
{
    private readonly List<Action<PipelineBuilder>> _passEdits = new();
    private readonly List<IProbeProvider> _providers = new();
    private readonly List<IEventSourceFamily> _eventSources = new();
    private readonly List<string> _tapsetDirectories = new();
    private readonly List<DiagnosticRange> _diagnosticRanges = new();
    private readonly List<Assembly> _moduleReferences = new();

    public IReadOnlyList<IProbeProvider> Providers => _providers;

    /// <summary>The event sources of the plug-ins' families, for the attachments their points ask for.</summary>
    public IReadOnlyList<IEventSourceFamily> EventSources => _eventSources;

    public IReadOnlyList<string> TapsetDirectories => _tapsetDirectories;

    /// <summary>The assemblies the modules' embedded code may call, beyond the runtime library.</summary>
    public IReadOnlyList<Assembly> ModuleReferences => _moduleReferences;

    /// <summary>The diagnostic ids the plug-ins reserved, in the order they did.</summary>
    public IReadOnlyList<DiagnosticRange> DiagnosticRanges => _diagnosticRanges;

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

    /// <summary>
    /// A family whose points are served by the built-in ones (its points are aliases, or
    /// resolve to built-in kinds of attachment).
    /// </summary>
    public PluginRegistration AddProbeFamily(IProbeProvider provider)
    {
        _providers.Add(provider);
        return this;
    }

    /// <summary>A family of its own: the provider resolves its points, whose attachments <paramref name="events"/> serves in pass 5.</summary>
    public PluginRegistration AddProbeFamily(IProbeProvider provider, IEventSourceFamily events)
    {
        _providers.Add(provider);
        _eventSources.Add(events);
        return this;
    }

    public PluginRegistration AddTapsetDirectory(string directory)
    {
        _tapsetDirectories.Add(Path.GetFullPath(directory));
        return this;
    }

    /// <summary>
    /// Lets the module's embedded code (`%{ ... %}` in guru mode, or in a tapset directory the
    /// plug-in adds) call into <paramref name="assembly"/>, a file on disk: usually the plug-in's own.
    /// </summary>
    public PluginRegistration AddModuleReference(Assembly assembly)
    {
        if (string.IsNullOrEmpty(assembly.Location))
            throw new ArgumentException($"'{assembly.GetName().Name}' was not loaded from a file, so modules cannot be compiled against it", nameof(assembly));
        _moduleReferences.Add(assembly);
        return this;
    }

    /// <summary>
    /// Reserves the ids <paramref name="prefix"/><paramref name="first"/> to <paramref name="prefix"/><paramref name="last"/>
    /// (`HSZ0001` to `HSZ0099`) for the plug-in's diagnostics; the command refuses a plug-in whose
    /// block overlaps Tapline's own or another plug-in's.
    /// </summary>
    public DiagnosticRange ReserveDiagnostics(string prefix, int first, int last)
    {
        var range = new DiagnosticRange(prefix, first, last);
        _diagnosticRanges.Add(range);
        return range;
    }

    /// <summary>Applies the registered pass edits to a chain, in the order they were registered.</summary>
    public PipelineBuilder Apply(PipelineBuilder builder)
    {
        foreach (var edit in _passEdits)
            edit(builder);
        return builder;
    }
}
