using System.Reflection;

namespace Tapline.Tests;

/// <summary>Paths in the repository, found from the root recorded at build time.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Tapsets => Path.Combine(Root, "tapsets");

    public static string Golden => Path.Combine(Root, "tests", "golden");

    public static string Examples => Path.Combine(Root, "examples");

    public static IEnumerable<string> GoldenScripts() =>
        Directory.EnumerateFiles(Golden, "*.stp").Where(p => !p.Contains(".p1.")).Order(StringComparer.Ordinal);

    public static IEnumerable<string> TapsetScripts() =>
        Directory.EnumerateFiles(Tapsets, "*.stp", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
