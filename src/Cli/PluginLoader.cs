using System.Reflection;
using System.Runtime.Loader;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Plugins;

namespace Tapline.Cli;

/// <summary>
/// `--plugin ASSEMBLY`: loads each assembly in a collectible load context of its own (its own
/// dependencies resolved beside it, Tapline's shared with the command) and runs the
/// <see cref="ITaplinePlugin"/> classes it holds.
/// </summary>
internal static class PluginLoader
{
    /// <summary>The plug-ins' registrations, or null and why not; disposing the result unloads their contexts.</summary>
    public static LoadedPlugins? Load(IReadOnlyList<string> paths, out string problem)
    {
        var loaded = new LoadedPlugins();
        var owners = new List<(DiagnosticRange Range, string Owner)> { (DiagnosticRange.Tapline, "Tapline's own") };
        problem = "";
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            var reservedBefore = loaded.Registration.DiagnosticRanges.Count;
            if (!TryLoad(path, loaded, out problem) || !TryReserve(path, loaded.Registration.DiagnosticRanges.Skip(reservedBefore), owners, out problem))
            {
                loaded.Dispose();
                return null;
            }
        }
        return loaded;
    }

    /// <summary>Claims a plug-in's diagnostic ids, or says whose they already are.</summary>
    private static bool TryReserve(string path, IEnumerable<DiagnosticRange> ranges, List<(DiagnosticRange Range, string Owner)> owners, out string problem)
    {
        problem = "";
        foreach (var range in ranges)
        {
            if (owners.FirstOrDefault(o => o.Range.Overlaps(range)) is { Owner: { } owner } taken)
            {
                problem = $"--plugin: '{path}' reserves diagnostics {range}, which collide with {taken.Range}, {owner}";
                return false;
            }
            owners.Add((range, $"reserved by '{path}'"));
        }
        return true;
    }

    private static bool TryLoad(string path, LoadedPlugins loaded, out string problem)
    {
        problem = "";
        var registration = loaded.Registration;
        Assembly assembly;
        try
        {
            var context = new PluginLoadContext(path);
            loaded.Contexts.Add(context);
            assembly = context.LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            problem = $"--plugin: cannot load '{path}': {e.Message}";
            return false;
        }
        var plugins = PluginTypes(assembly).ToList();
        if (plugins.Count == 0)
        {
            problem = $"--plugin: '{path}' has no public class that implements ITaplinePlugin with a constructor without parameters";
            return false;
        }
        foreach (var type in plugins)
        {
            try
            {
                ((ITaplinePlugin)Activator.CreateInstance(type)!).Register(registration);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var reason = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                problem = $"--plugin: {type.FullName} in '{path}' failed to register: {reason.GetType().Name}: {reason.Message}";
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<Type> PluginTypes(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            return [];
        }
        return types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITaplinePlugin).IsAssignableFrom(t)
            && t.GetConstructor(Type.EmptyTypes) is not null);
    }

    /// <summary>What the plug-ins registered, and the load contexts that hold them, unloaded at the end of the command.</summary>
    public sealed class LoadedPlugins : IDisposable
    {
        public PluginRegistration Registration { get; } = new();

        internal List<AssemblyLoadContext> Contexts { get; } = new();

        public void Dispose()
        {
            foreach (var context in Contexts)
                context.Unload();
            Contexts.Clear();
        }
    }

    /// <summary>A plug-in's own load context: its dependencies from beside it; Tapline's own assemblies from the command's.</summary>
    private sealed class PluginLoadContext(string path) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(path), isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName name)
        {
            if (Default.Assemblies.Any(a => a.GetName().Name == name.Name))
                return null;
            return _resolver.ResolveAssemblyToPath(name) is { } file ? LoadFromAssemblyPath(file) : null;
        }
    }
}
