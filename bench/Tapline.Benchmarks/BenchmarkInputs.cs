using System.Collections.Immutable;
using System.Reflection;
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

    public static ScriptInput Example(string name) => new(SourceText.FromFile(Path.Combine(Root, "examples", name)));

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
