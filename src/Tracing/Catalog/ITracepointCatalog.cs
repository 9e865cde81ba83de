namespace Tapline.Tracing.Catalog;

/// <summary>Every tracepoint of a kernel, by name; formats are read when first asked for.</summary>
public interface ITracepointCatalog
{
    /// <summary>Where the catalog comes from: "tracefs at /sys/kernel/tracing" or "snapshot DIR".</summary>
    string Origin { get; }

    /// <summary>All tracepoint names, sorted by system then name.</summary>
    IReadOnlyList<TracepointName> Names { get; }

    /// <summary>The format of one tracepoint, or null when there is none by that name.</summary>
    TracepointFormat? Find(TracepointName name);
}
