using System.Globalization;

namespace Tapline.Tracing.Processes;

/// <summary>A live process's user and group ids, from the Uid: and Gid: lines of /proc/PID/status.</summary>
public static class ProcessStatus
{
    /// <summary>(real, effective) uid and gid, or null when the process is gone.</summary>
    public static (long Uid, long EffectiveUid, long Gid, long EffectiveGid)? ReadIds(int pid)
    {
        try
        {
            long[]? uids = null, gids = null;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    uids = Numbers(line);
                else if (line.StartsWith("Gid:", StringComparison.Ordinal))
                    gids = Numbers(line);
            }
            return uids is [var uid, var euid, ..] && gids is [var gid, var egid, ..] ? (uid, euid, gid, egid) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long[] Numbers(string line) =>
        line[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => long.Parse(word, CultureInfo.InvariantCulture)).ToArray();
}
