using Tapline.Runtime;

namespace Tapline.Passes.Pipeline;

/// <summary>
/// The `-D NAME=VALUE` settings the passes read, parsed once when the options are made: pass 3's
/// array size and pass 5's run-time limits and error budget. A setting that is not a number of
/// the right sign keeps its default, as stap's runtime does.
/// </summary>
public sealed record ScriptLimits(RunLimits Run, int MaxMapEntries, int MaxErrors)
{
    /// <summary>MAXMAPENTRIES: the entries of an array declared without a size.</summary>
    public const int DefaultMaxMapEntries = 2048;

    public static ScriptLimits Default { get; } = From(new Dictionary<string, string>());

    public static ScriptLimits From(IReadOnlyDictionary<string, string> defines) => new(
        RunLimits.From(defines),
        defines.TryGetValue("MAXMAPENTRIES", out var entries) && int.TryParse(entries, out var size) && size > 0 ? size : DefaultMaxMapEntries,
        // MAXERRORS: errors a run survives before it stops; 0, the default, stops at the first.
        defines.TryGetValue("MAXERRORS", out var errors) && int.TryParse(errors, out var count) && count >= 0 ? count : 0);
}
