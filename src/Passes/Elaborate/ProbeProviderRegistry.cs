namespace Tapline.Passes.Elaborate;

/// <summary>The probe families known to elaboration, by the first component they own.</summary>
public sealed class ProbeProviderRegistry
{
    private readonly Dictionary<string, IProbeProvider> _byRoot = new(StringComparer.Ordinal);

    public ProbeProviderRegistry(IEnumerable<IProbeProvider> providers)
    {
        Providers = providers.ToList();
        foreach (var provider in Providers)
        {
            foreach (var root in provider.Roots)
                _byRoot[root] = provider;
        }
    }

    public IReadOnlyList<IProbeProvider> Providers { get; }

    public IEnumerable<string> Roots => _byRoot.Keys;

    public IProbeProvider? Find(string root) => _byRoot.GetValueOrDefault(root);
}
