using System.Collections.Immutable;
using System.Reflection;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Optimize;
using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Text;
using Tapline.Tapsets.Providers;
using Tapline.Tracing.Catalog;

namespace Tapline.Benchmarks;

/// <summary>The repository's examples and tapsets, and contexts as the command makes them (on the catalog snapshot).</summary>
internal static class BenchmarkInputs
{
    public static readonly string Root = typeof(BenchmarkInputs).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The scripts every pass is measured on: the errno pair, a large script and a small one.</summary>
    public static readonly string[] Scripts = ["errno.stp", "errno_any.stp", "large.stp", "small.stp"];

    /// <summary>A script from examples/ (the errno pair) or bench/scripts/ (large.stp, small.stp).</summary>
    public static ScriptInput Example(string name)
    {
        var example = Path.Combine(Root, "examples", name);
        return new(SourceText.FromFile(File.Exists(example) ? example : Path.Combine(Root, "bench", "scripts", name)));
    }

    /// <summary>Passes 1 and 2 (with optimize), as the command runs them; throws when the script has errors.</summary>
    public static ElaboratedProgram Elaborate(ScriptInput input, PassContext context)
    {
        var parsed = new ParsePass().Run(input, context);
        var elaborated = new OptimizePass().Run(new ElaboratePass().Run(parsed, context), context);
        ThrowOnErrors(context);
        return elaborated;
    }

    public static PipelineOptions Options { get; } = new()
    {
        LibraryDirectories = ImmutableArray.Create(Path.Combine(Root, "tapsets")),
        Target = TargetDescription.Fixed,
    };

    /// <summary>A fresh context: a new catalog too, so that no format read by an earlier run is reused.</summary>
    public static PassContext Context()
    {
        var catalog = new SnapshotCatalog(Path.Combine(Root, "tapsets", "catalog"));
        return new PassContext(Options, new ServiceRegistry().Add<ITracepointCatalog>(catalog).Add(StandardProviders.Create(catalog)));
    }

    public static void ThrowOnErrors(PassContext context)
    {
        if (context.Diagnostics.HasErrors)
            throw new InvalidOperationException("the benchmark script has errors: " + string.Join("; ", context.Diagnostics));
    }
}
