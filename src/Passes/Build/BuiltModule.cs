using System.Collections.Immutable;
using System.Reflection;
using Tapline.Passes.Attachments;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Build;

/// <summary>
/// Pass 4's output: the probe module's assembly, loaded into its own collectible context,
/// and where it is kept (the build cache), unless the cache was disabled.
/// </summary>
public sealed record BuiltModule(
    string ModuleName, string? AssemblyPath, byte[] Image, bool CacheHit, Assembly? Assembly, ModuleLoadContext? LoadContext)
    : IPassOutput, IArtifactOutput
{
    /// <summary>The assembly, when one was built.</summary>
    public IReadOnlyList<PassArtifact> Artifacts => Image.Length > 0 ? [new(ModuleName + ".dll", Image)] : [];

    /// <summary>What each handler of the module's table is attached to, in its order: pass 3's, which the assembly does not hold.</summary>
    public ImmutableArray<ProbeAttachment> Attachments { get; init; } = [];

    /// <summary>Pass 3's kernel-side programs, which pass 5 loads beside the module.</summary>
    public ImmutableArray<Tracing.Capture.CaptureProgram> Captures { get; init; } = [];

    public long AssemblyBytes => Image.Length;

    public string Summary => CacheHit ? "loaded the module from the build cache" : "compiled C# into an assembly";

    public IReadOnlyList<OutputCount> Counts =>
    [
        new(AssemblyBytes, "bytes of assembly"),
        new(CacheHit ? 1 : 0, "cache hits"),
    ];

    public string FileExtension => "txt";

    /// <summary>As `-p4` shows it: the path of the built module.</summary>
    public void Print(TextWriter writer) =>
        writer.WriteLine(AssemblyPath ?? $"{ModuleName}.dll (in memory only: the build cache is disabled)");

    /// <summary>Unloads the module's context; its code is collected once nothing refers to it.</summary>
    public void Unload() => LoadContext?.Unload();
}
