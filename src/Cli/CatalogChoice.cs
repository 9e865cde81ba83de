using Tapline.Tracing.Catalog;

namespace Tapline.Cli;

/// <summary>
/// Which tracepoint catalog to read: the one `--catalog` names (a snapshot directory),
/// else the running kernel's through tracefs when it is mounted, else the snapshot
/// that travels with the command (`tapsets/catalog`).
/// </summary>
internal static class CatalogChoice
{
    public static string DefaultSnapshot => Path.Combine(AppContext.BaseDirectory, "tapsets", "catalog");

    public static ITracepointCatalog? Open(string? explicitPath, out string? problem)
    {
        problem = null;
        if (explicitPath is not null)
        {
            if (File.Exists(Path.Combine(explicitPath, SnapshotCatalog.NamesFile)))
                return new SnapshotCatalog(explicitPath);
            problem = $"--catalog {explicitPath}: not a catalog snapshot (no {SnapshotCatalog.NamesFile}); make one with `tools/regenerate catalog`";
            return null;
        }
        if (Tracefs.FindMountPoint() is { } mountPoint)
        {
            try
            {
                return new TracefsCatalog(mountPoint);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not readable (no privileges): the snapshot below stands in.
            }
        }
        return new SnapshotCatalog(DefaultSnapshot);
    }
}
