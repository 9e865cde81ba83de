using System.Runtime.InteropServices;

namespace Tapline.Tracing.Processes;

/// <summary>
/// stap's `--rlimit-*` options: limits on this process, set with setrlimit(2) (soft and hard)
/// before the passes run, so a pathological script cannot take the machine.
/// </summary>
public static partial class ResourceLimits
{
    /// <summary>The option names (without `--rlimit-`) and the resources they limit, as in setrlimit(2).</summary>
    public static readonly IReadOnlyDictionary<string, int> Resources = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["cpu"] = 0,
        ["fsize"] = 1,
        ["stack"] = 3,
        ["nproc"] = 6,
        ["as"] = 9,
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, in Limit limit);

    /// <summary>Sets one limit; null on success, else why it failed.</summary>
    public static string? TrySet(string name, ulong value)
    {
        if (!Resources.TryGetValue(name, out var resource))
            return $"there is no resource '{name}'";
        if (SetLimit(resource, new Limit { Current = value, Maximum = value }) == 0)
            return null;
        return Marshal.GetLastPInvokeErrorMessage();
    }

    /// <summary>The address space this process holds now (VmSize), in bytes, or null when /proc does not say.</summary>
    public static ulong? AddressSpaceInUse()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("VmSize:", StringComparison.Ordinal))
                continue;
            var kilobytes = line["VmSize:".Length..].Trim().Split(' ')[0];
            return ulong.TryParse(kilobytes, out var value) ? value * 1024 : null;
        }
        return null;
    }
}
