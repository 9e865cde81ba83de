using System.Collections.Immutable;

namespace Tapline.Passes.Parse;

/// <summary>The tapset library: its `.stp` files, indexed by the names they declare, parsed on demand.</summary>
public sealed class TapsetLibrary
{
    public TapsetLibrary(ImmutableArray<TapsetFile> files, int macroFileCount)
    {
        Files = files;
        MacroFileCount = macroFileCount;
    }

    public ImmutableArray<TapsetFile> Files { get; }

    /// <summary>How many `.stpm` files were read for their macros.</summary>
    public int MacroFileCount { get; }

    public int ParsedFileCount => Files.Count(f => f.IsParsed);

    public IEnumerable<TapsetFile> DeclaringFunction(string name) => Files.Where(f => f.FunctionNames.Contains(name));

    public IEnumerable<TapsetFile> DeclaringGlobal(string name) => Files.Where(f => f.GlobalNames.Contains(name));

    /// <summary>Every alias name of the library, with the file declaring it.</summary>
    public IEnumerable<TapsetAlias> Aliases
    {
        get
        {
            foreach (var file in Files)
            {
                foreach (var name in file.AliasNames)
                    yield return new TapsetAlias(name, file);
            }
        }
    }
}

/// <summary>An alias name and the library file that declares it.</summary>
public sealed record TapsetAlias(string Name, TapsetFile File);
