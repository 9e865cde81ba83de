using Tapline.Passes.Pipeline;
using Tapline.Passes.Translate;

namespace Tapline.Passes.Build;

/// <summary>
/// Pass 4: compiles the module's C# with Roslyn (or finds it in the build cache, keyed by
/// the source and what compiles it), and loads it into a collectible context.
/// </summary>
public sealed class BuildPass(ModuleCompiler? compiler = null) : IPass<TranslatedModule, BuiltModule>
{
    private readonly ModuleCompiler _compiler = compiler ?? new ModuleCompiler();

    public PassInfo Info { get; } = new(4, PassNames.Build);

    public BuiltModule Run(TranslatedModule input, PassContext context)
    {
        var options = context.Options;
        var cache = options.DisableCache ? null : OpenCache(options.CacheDirectory ?? BuildCache.DefaultDirectory, context);
        var references = context.Services.Find<ModuleReferences>() ?? ModuleReferences.None;
        var key = BuildCache.KeyOf(input.Source, references.Assemblies.Count == 0 ? ModuleCompiler.Identity : $"{ModuleCompiler.Identity}; {references.Identity}");

        if (cache is not null && !options.PoisonCache)
        {
            var lookup = cache.Find(key);
            if (lookup.Problem is { } problem)
                context.Diagnostics.ReportCacheEntryRefused(lookup.Path!, problem);
            else if (lookup.Image is { } hit)
                return Load(input.ModuleName, hit, lookup.Path, cacheHit: true, references) with { Attachments = input.Attachments, Captures = input.Captures };
        }

        var image = _compiler.Compile(input.ModuleName, input.Source, context.Cancellation, references);
        foreach (var error in image.Errors)
            context.Diagnostics.ReportModuleCompileError(error.Location, error.Id, error.Message);
        if (!image.Succeeded)
            return new BuiltModule(input.ModuleName, null, [], false, null, null);

        string? path = null;
        if (cache is not null)
        {
            try
            {
                path = cache.Store(key, image.Bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.ReportCacheUnusable(cache.Directory, e.Message);
            }
        }
        return Load(input.ModuleName, image.Bytes, path, cacheHit: false, references) with { Attachments = input.Attachments, Captures = input.Captures };
    }

    /// <summary>The build cache, or null (said once, as a warning) when its directory is not safe to use.</summary>
    private static BuildCache? OpenCache(string directory, PassContext context)
    {
        var cache = BuildCache.Open(directory, out var problem);
        if (problem is not null)
            context.Diagnostics.ReportCacheUnusable(directory, problem);
        return cache;
    }

    private static BuiltModule Load(string moduleName, byte[] image, string? path, bool cacheHit, ModuleReferences references)
    {
        var loadContext = new ModuleLoadContext(moduleName, references);
        using var stream = new MemoryStream(image);
        var assembly = loadContext.LoadFromStream(stream);
        return new BuiltModule(moduleName, path, image, cacheHit, assembly, loadContext);
    }
}
