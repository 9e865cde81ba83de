using System.Reflection;
using System.Runtime.Loader;

namespace Tapline.Passes.Build;

/// <summary>
/// A collectible context for one probe module: unloading it after the run frees the
/// module's code. The runtime library comes from the default context, so its types are
/// the ones the run pass knows; an assembly its embedded code may call (<paramref name="references"/>)
/// comes from where it is loaded.
/// </summary>
public sealed class ModuleLoadContext(string name, ModuleReferences? references = null) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => references?.Find(assemblyName);
}
