using System.Globalization;

namespace Tapline.Tracing.Perf;

/// <summary>The CPUs the kernel lists as online (`0-3,6`), each to get its own ring.</summary>
public static class OnlineCpus
{
    public static IReadOnlyList<int> Read(string file = "/sys/devices/system/cpu/online") => Parse(File.ReadAllText(file));

    public static IReadOnlyList<int> Parse(string list)
    {
        var cpus = new List<int>();
        foreach (var part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
            for (var cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return cpus;
    }
}
