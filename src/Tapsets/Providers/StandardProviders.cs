using Tapline.Passes.Elaborate;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Providers;

/// <summary>The probe families Tapline ships, as the command line registers them.</summary>
public static class StandardProviders
{
    public static ProbeProviderRegistry Create(ITracepointCatalog catalog) => new(
    [
        new BeginEndProvider(),
        new TimerProvider(),
        new PerfProvider(),
        new ProcessProvider(catalog),
        new TracepointProvider(catalog),
        new PrometheusProvider(),
        new UnsupportedProvider(),
    ]);
}
