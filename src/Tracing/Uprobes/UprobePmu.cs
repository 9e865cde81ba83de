using System.Globalization;

namespace Tapline.Tracing.Uprobes;

/// <summary>
/// The kernel's `uprobe` PMU, through which perf_event_open places a uprobe with nothing in
/// tracefs to clean up: its type, and the config bit that makes it a return probe (its format
/// file says which, `config:0`).
/// </summary>
public sealed record UprobePmu(uint Type, int ReturnBit)
{
    private const string Directory = "/sys/bus/event_source/devices/uprobe";

    /// <summary>This kernel's uprobe PMU, or null (with the reason) when it has none.</summary>
    public static UprobePmu? Find(out string? missing)
    {
        missing = null;
        try
        {
            var type = uint.Parse(File.ReadAllText(Path.Combine(Directory, "type")).Trim(), CultureInfo.InvariantCulture);
            var format = File.ReadAllText(Path.Combine(Directory, "format", "retprobe")).Trim();
            var bit = format.StartsWith("config:", StringComparison.Ordinal)
                ? int.Parse(format["config:".Length..], CultureInfo.InvariantCulture)
                : throw new FormatException($"the retprobe format '{format}' is not a config bit");
            return new UprobePmu(type, bit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            missing = $"this kernel has no uprobe PMU ({Directory}: {e.Message}); it needs CONFIG_UPROBE_EVENTS";
            return null;
        }
    }
}
