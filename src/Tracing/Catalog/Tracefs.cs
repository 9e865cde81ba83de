namespace Tapline.Tracing.Catalog;

/// <summary>Finds where tracefs is mounted, from /proc/mounts, and mounts it when it is not.</summary>
public static class Tracefs
{
    public const string DefaultMountPoint = "/sys/kernel/tracing";

    /// <summary>
    /// The tracefs mount point; mounts tracefs at <see cref="DefaultMountPoint"/> first when it
    /// is not mounted and this process is root. Throws with what to do when neither works.
    /// </summary>
    public static string EnsureMounted()
    {
        if (FindMountPoint() is { } mounted)
            return mounted;
        if (FindMountedTracefs() is { } unreadable)
            throw new Perf.PerfException($"tracefs at {unreadable} is not readable by this user: tracing needs root (or CAP_PERFMON and read access to tracefs)");
        if (Perf.LibC.GetEffectiveUserId() != 0)
            throw new Perf.PerfException($"tracefs is not mounted, and mounting it needs root: mount -t tracefs nodev {DefaultMountPoint}");
        if (Perf.LibC.Mount("nodev", DefaultMountPoint, "tracefs", 0, 0) != 0)
        {
            var error = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            throw new Perf.PerfException($"tracefs is not mounted and mounting it at {DefaultMountPoint} failed: {Perf.LibC.ErrorText(error)}");
        }
        return FindMountPoint() ?? throw new Perf.PerfException($"tracefs was mounted at {DefaultMountPoint} but has no available_events");
    }

    /// <summary>A tracefs mount point from /proc/mounts, whether or not this user may read it.</summary>
    private static string? FindMountedTracefs(string mountsFile = "/proc/mounts") =>
        File.Exists(mountsFile)
            ? File.ReadLines(mountsFile).Select(line => line.Split(' ')).FirstOrDefault(parts => parts.Length >= 3 && parts[2] == "tracefs")?[1].Replace("\\040", " ")
            : null;

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
