namespace Tapline.Tracing.Catalog;

/// <summary>Finds where tracefs is mounted, from /proc/mounts.</summary>
public static class Tracefs
{
    public const string DefaultMountPoint = "/sys/kernel/tracing";

    /// <summary>The tracefs mount point (or debugfs's tracing directory), or null when tracefs is not mounted.</summary>
    public static string? FindMountPoint(string mountsFile = "/proc/mounts")
    {
        if (!File.Exists(mountsFile))
            return null;
        foreach (var line in File.ReadLines(mountsFile))
        {
            var parts = line.Split(' ');
            if (parts.Length < 3)
                continue;
            var mountPoint = parts[1].Replace("\\040", " ");
            if (parts[2] == "tracefs" && File.Exists(Path.Combine(mountPoint, "available_events")))
                return mountPoint;
            if (parts[2] == "debugfs" && File.Exists(Path.Combine(mountPoint, "tracing", "available_events")))
                return Path.Combine(mountPoint, "tracing");
        }
        return null;
    }
}
