using System.Reflection;

namespace Tapline.Passes.Build;

/// <summary>
/// Assemblies beyond the runtime library that a module's embedded code may call (a plug-in's
/// own), registered where the pipeline is assembled: compiled against, part of the build
/// cache's key, and resolved from where they are loaded when the module runs.
/// </summary>
public sealed class ModuleReferences(IReadOnlyList<Assembly> assemblies)
{
    public static readonly ModuleReferences None = new([]);

    public IReadOnlyList<Assembly> Assemblies => assemblies;

    /// <summary>What the cache key adds for them: each one's module version id, which changes with every build of it.</summary>
    public string Identity => string.Join(", ", assemblies.Select(a => $"{a.GetName().Name} {a.ManifestModule.ModuleVersionId}"));

    /// <summary>The registered assembly a module asks for by name, or null.</summary>
    public Assembly? Find(AssemblyName name) =>
        assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()));
}
