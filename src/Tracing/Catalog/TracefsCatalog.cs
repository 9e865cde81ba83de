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
    private readonly Lazy<IReadOnlyList<TracepointName>> _names;

    public TracefsCatalog(string mountPoint)
    {
        _root = mountPoint;
        // Opening the list now, not when it is first read, lets the caller fall back at once
        // when tracefs is there but not readable (no privileges).
        using (File.OpenRead(Path.Combine(mountPoint, "available_events")))
        {
        }
        _names = new Lazy<IReadOnlyList<TracepointName>>(ReadNames);
    }

    public string Origin => $"tracefs at {_root}";

    /// <summary>Every tracepoint, read from `available_events` when first asked for.</summary>
    public IReadOnlyList<TracepointName> Names => _names.Value;

    private List<TracepointName> ReadNames() => File.ReadLines(Path.Combine(_root, "available_events"))
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2)
        .Select(parts => new TracepointName(parts[0], parts[1].Trim()))
        .Distinct()
        .OrderBy(n => n.System, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal)
        .ToList();

    public TracepointFormat? Find(TracepointName name) => _formats.GetOrAdd(name, Read);

    private TracepointFormat? Read(TracepointName name)
    {
        var path = Path.Combine(_root, "events", name.System, name.Name, "format");
        if (!File.Exists(path))
            return null;
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
