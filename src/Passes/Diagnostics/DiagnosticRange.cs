using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>
/// A block of diagnostic ids, a prefix of capital letters and a four-digit number: Tapline's own
/// are STP1000 to STP5999; a plug-in reserves a block of its own and reports through it, so that
/// no two sources of diagnostics give one id two meanings.
/// </summary>
public sealed record DiagnosticRange
{
    public static readonly DiagnosticRange Tapline = new("STP", 1000, 5999);

    public DiagnosticRange(string prefix, int first, int last)
    {
        if (prefix.Length is < 1 or > 8 || !prefix.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"a diagnostic prefix is 1 to 8 capital letters, not '{prefix}'", nameof(prefix));
        if (first < 0 || last > 9999 || first > last)
            throw new ArgumentException($"a diagnostic range runs from one four-digit number to a larger one, not {first} to {last}", nameof(first));
        (Prefix, First, Last) = (prefix, first, last);
    }

    public string Prefix { get; }
    public int First { get; }
    public int Last { get; }

    public bool Overlaps(DiagnosticRange other) => Prefix == other.Prefix && First <= other.Last && other.First <= Last;

    /// <summary>The id of number <paramref name="number"/> of the range: `HSZ0001`.</summary>
    public string Id(int number) => number >= First && number <= Last
        ? $"{Prefix}{number:D4}"
        : throw new ArgumentOutOfRangeException(nameof(number), $"{number} is outside the diagnostic range {this}");

    public Diagnostic Error(int number, SourceSpan? location, string message) => new(Id(number), DiagnosticSeverity.Error, location, message);

    public Diagnostic Warning(int number, SourceSpan? location, string message) => new(Id(number), DiagnosticSeverity.Warning, location, message);

    public override string ToString() => $"{Prefix}{First:D4}-{Prefix}{Last:D4}";
}
