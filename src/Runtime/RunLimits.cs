namespace Tapline.Runtime;

/// <summary>
/// The limits SystemTap's runtime puts on one probe hit, each settable with `-D NAME=VALUE`:
/// MAXACTION statements per hit (MAXACTION_INTERRUPTIBLE for begin, end and error probes),
/// MAXNESTING nested function calls, strings of at most MAXSTRINGLEN - 1 bytes; and how histograms
/// print: HIST_ELISION empty rows kept around used ones before the rest are elided (negative: none elided).
/// </summary>
public sealed record RunLimits(long MaxAction, long MaxActionInterruptible, int MaxNesting, int MaxStringLength, int HistogramElision = 2)
{
    public const long DefaultMaxAction = 1000;
    public const int DefaultMaxNesting = 10;
    public const int DefaultMaxStringLength = 512;

    public static RunLimits Default { get; } = From(new Dictionary<string, string>());

    /// <summary>The limits the `-D` settings give; a setting that is not a positive number keeps its default.</summary>
    public static RunLimits From(IReadOnlyDictionary<string, string> defines)
    {
        var maxAction = Positive(defines, "MAXACTION") ?? DefaultMaxAction;
        return new RunLimits(
            maxAction,
            Positive(defines, "MAXACTION_INTERRUPTIBLE") ?? maxAction * 10,
            (int)Math.Min(Positive(defines, "MAXNESTING") ?? DefaultMaxNesting, int.MaxValue),
            (int)Math.Clamp(Positive(defines, "MAXSTRINGLEN") ?? DefaultMaxStringLength, 2, 1 << 24),
            defines.TryGetValue("HIST_ELISION", out var elision) && int.TryParse(elision, out var rows) ? Math.Clamp(rows, -1, 1 << 10) : 2);
    }

    private static long? Positive(IReadOnlyDictionary<string, string> defines, string name) =>
        defines.TryGetValue(name, out var text) && long.TryParse(text, out var value) && value > 0 ? value : null;
}
