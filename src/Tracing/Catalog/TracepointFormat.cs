using System.Collections.Immutable;

namespace Tapline.Tracing.Catalog;

/// <summary>A tracepoint: its system and name, its id on the machine it was read from, and its fields.</summary>
public sealed record TracepointFormat(string System, string Name, int Id, ImmutableArray<TracepointField> Fields)
{
    public string FullName => $"{System}:{Name}";

    /// <summary>The fields of this tracepoint, without the common_* ones every record starts with.</summary>
    public IEnumerable<TracepointField> OwnFields => Fields.Where(f => !f.IsCommon);

    public TracepointField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
