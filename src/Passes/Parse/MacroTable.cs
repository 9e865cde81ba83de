using System.Collections.Concurrent;

namespace Tapline.Passes.Parse;

/// <summary>
/// The macros visible to a file: its own, then the library's (from `.stpm` tapset
/// files, visible to every file). Names are stored without the `@`.
/// </summary>
internal sealed class MacroTable(MacroTable? library = null)
{
    private readonly ConcurrentDictionary<string, MacroDefinition> _macros = new();

    public int Count => _macros.Count;

    /// <summary>Adds a macro; false when this table (not the library) already has one of that name.</summary>
    public bool TryDefine(MacroDefinition macro) => _macros.TryAdd(macro.Name, macro);

    public MacroDefinition? Find(string name) =>
        _macros.TryGetValue(name, out var macro) ? macro : library?.Find(name);
}
