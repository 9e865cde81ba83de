using System.Collections.Concurrent;

namespace Tapline.Tracing.Catalog;

/// <summary>
/// A catalog saved to a directory: one file per system (`SYSTEM.format`) holding that
/// system's formats in the kernel's layout, separated by blank lines, plus `names.txt`
/// listing every tracepoint. A system's file is read when one of its tracepoints is first asked for.
/// </summary>
public sealed class SnapshotCatalog : ITracepointCatalog
{
    public const string NamesFile = "names.txt";
    public const string FormatExtension = ".format";

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, TracepointFormat>> _systems = new();

    private readonly Lazy<IReadOnlyList<TracepointName>> _names;

    public SnapshotCatalog(string directory)
    {
        _directory = directory;
        _names = new Lazy<IReadOnlyList<TracepointName>>(() => File.ReadLines(Path.Combine(directory, NamesFile))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .Select(parts => new TracepointName(parts[0], parts[1]))
            .ToList());
    }

    public string Origin => $"snapshot {_directory}";

    /// <summary>Every tracepoint, read from `names.txt` when first asked for.</summary>
    public IReadOnlyList<TracepointName> Names => _names.Value;

    public TracepointFormat? Find(TracepointName name) =>
        _systems.GetOrAdd(name.System, ReadSystem).GetValueOrDefault(name.Name);

    private IReadOnlyDictionary<string, TracepointFormat> ReadSystem(string system)
    {
        var path = Path.Combine(_directory, system + FormatExtension);
        if (!File.Exists(path))
            return new Dictionary<string, TracepointFormat>();
        return File.ReadAllText(path).Split("\n\n")
            .Select(block => FormatParser.Parse(system, block))
            .OfType<TracepointFormat>()
            .ToDictionary(f => f.Name);
    }

    /// <summary>Saves every format of <paramref name="catalog"/> into <paramref name="directory"/>.</summary>
    public static void Write(ITracepointCatalog catalog, string directory, string header)
    {
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory, "*" + FormatExtension))
            File.Delete(stale);
        var names = new List<string> { "# " + header };
        foreach (var system in catalog.Names.GroupBy(n => n.System))
        {
            var formats = system.Select(catalog.Find).OfType<TracepointFormat>().ToList();
            names.AddRange(formats.Select(f => f.FullName));
            File.WriteAllText(Path.Combine(directory, system.Key + FormatExtension),
                string.Join("\n", formats.Select(FormatParser.Write)));
        }
        File.WriteAllLines(Path.Combine(directory, NamesFile), names);
    }
}
