using Tapline.Passes.Elaborate;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Tapsets.Providers;
using Tapline.Tracing.Catalog;

namespace Tapline.Cli;

/// <summary>The one place where the passes are put in order and their services registered.</summary>
public static class TaplinePipeline
{
    public static Pipeline<ScriptInput, ElaboratedProgram> Create() =>
        Pipeline.StartWith(new ParsePass())
            .Then(new ElaboratePass());

    public static ServiceRegistry Services(ITracepointCatalog catalog) => new ServiceRegistry()
        .Add(catalog)
        .Add(StandardProviders.Create(catalog));
}
