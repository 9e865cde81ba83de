using Tapline.Passes.Diagnostics;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Text;

namespace Tapline.Cli;

/// <summary>
/// `-l PROBE` and `-L PROBE`: elaborates `probe PROBE { }` and lists, sorted, the points the
/// pattern names (the alias or point each match came through first); `-L` adds the
/// variables an alias sets, with their types, or a concrete point's context variables.
/// </summary>
internal sealed class ListCommand(TextWriter stdout, TextWriter stderr)
{
    public int Execute(CommandLineSettings settings)
    {
        var catalog = CatalogChoice.Open(settings.CatalogPath, out var problem);
        if (catalog is null)
        {
            stderr.WriteLine($"tapline: {problem}");
            return 1;
        }
        var script = SourceText.FromUnicode("<list>", $"probe {settings.ListPattern} {{ }}\n");
        var options = RunScriptCommand.Options(settings, [], System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);
        var context = new PassContext(options, TaplinePipeline.Services(catalog));
        var result = new PipelineRunner().Run(TaplinePipeline.Create(optimize: false), new ScriptInput(script), context, stopAfter: 2);
        DiagnosticFormatter.Write(stderr, context.Diagnostics.Sorted());
        if (!result.Succeeded || result.LastOutput is not ElaboratedProgram program)
            return 1;

        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var probe in program.Probes)
        {
            var name = probe.Chain[1];
            if (lines.ContainsKey(name))
                continue;
            lines[name] = settings.ListVariables ? Describe(name, probe) : name;
        }
        foreach (var line in lines.Values)
            stdout.WriteLine(line);
        return 0;
    }

    private static string Describe(string name, BoundProbe probe)
    {
        var variables = probe.Chain.Length > 2
            ? probe.Locals.Select(local => local.ToString())
            : probe.Point.ContextVariables.Where(v => !v.Name.StartsWith('$') && !v.Name.Contains("->", StringComparison.Ordinal)).Select(v => $"${v.Name}:{v.Description}");
        return string.Join(" ", variables.Prepend(name));
    }
}
