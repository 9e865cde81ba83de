using System.Collections.Concurrent;

namespace Tapline.Tracing.Catalog;

/// <summary>
/// The running kernel's tracepoints: names from `available_events` (one read), each
/// format read from `events/SYSTEM/NAME/format` when first asked for.
/// </summary>
public sealed class TracefsCatalog : ITracepointCatalog
{
    private readonly string _root;
    private readonly ConcurrentDictionary<TracepointName, TracepointFormat?> _formats = new();

    public TracefsCatalog(string mountPoint)
    {
        _root = mountPoint;
        Names = File.ReadLines(Path.Combine(mountPoint, "available_events"))
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => new TracepointName(parts[0], parts[1].Trim()))
            .Distinct()
            .OrderBy(n => n.System, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
    }

    public string Origin => $"tracefs at {_root}";

    public IReadOnlyList<TracepointName> Names { get; }

    public TracepointFormat? Find(TracepointName name) => _formats.GetOrAdd(name, Read);

    private TracepointFormat? Read(TracepointName name)
    {
        var path = Path.Combine(_root, "events", name.System, name.Name, "format");
        try
        {
            return FormatParser.Parse(name.System, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
