using Tapline.Passes.Build;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Optimize;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Plugins;
using Tapline.Passes.Run;
using Tapline.Passes.Translate;
using Tapline.Tapsets.Providers;
using Tapline.Tracing.Catalog;

namespace Tapline.Cli;

/// <summary>The one place where the passes are put in order and their services registered.</summary>
public static class TaplinePipeline
{
    /// <param name="optimize">False for `-u`: the optimize pass is left out.</param>
    public static Pipeline<ScriptInput, ElaboratedProgram> Create(bool optimize = true)
    {
        var elaborated = Pipeline.StartWith(new ParsePass()).Then(new ElaboratePass());
        return optimize ? elaborated.Then(new OptimizePass()) : elaborated;
    }

    /// <summary>Passes 1 to 4: the module for <paramref name="scriptName"/>, named <paramref name="moduleName"/>.</summary>
    public static Pipeline<ScriptInput, BuiltModule> CreateThroughBuild(string scriptName, string moduleName, bool optimize = true) =>
        Create(optimize)
            .Then(new TranslatePass(scriptName, moduleName))
            .Then(new BuildPass());

    /// <summary>All five passes: the module for <paramref name="scriptName"/>, run with its output to <paramref name="output"/>.</summary>
    public static Pipeline<ScriptInput, RunOutcome> CreateThroughRun(
        string scriptName, string moduleName, TextWriter output, TextWriter errors, ScrapeQueue? scrapes = null, bool optimize = true) =>
        CreateThroughBuild(scriptName, moduleName, optimize).Then(new RunPass(output, errors, scrapes));

    /// <param name="plugins">What plug-ins add: probe families (a root they own is theirs, before the standard families') and their event sources.</param>
    public static ServiceRegistry Services(ITracepointCatalog catalog, PluginRegistration? plugins = null) => new ServiceRegistry()
        .Add(catalog)
        .Add(new ProbeProviderRegistry([.. StandardProviders.Create(catalog).Providers, .. plugins?.Providers ?? []]))
        .Add(new EventSourceFamilies(plugins?.EventSources ?? []))
        .Add(new ModuleReferences(plugins?.ModuleReferences ?? []));
}
