using System.Collections;
using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>
/// Collects the diagnostics of a run. Every message is written once, in the
/// Report* methods of this class's partial files (one file per pass), so call
/// sites read like sentences. Safe to report into from several threads.
/// </summary>
public sealed partial class DiagnosticBag : IEnumerable<Diagnostic>
{
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<Diagnostic> _seen = new();
    private readonly object _gate = new();

    public bool HasErrors
    {
        get { lock (_gate) return _diagnostics.Any(d => d.IsError); }
    }

    public int Count
    {
        get { lock (_gate) return _diagnostics.Count; }
    }

    /// <summary>`-w`: warnings are dropped.</summary>
    public bool SuppressWarnings { get; init; }

    /// <summary>`-W`: warnings are errors, and stop the pipeline as errors do.</summary>
    public bool WarningsAreErrors { get; init; }

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Warning && SuppressWarnings)
            return;
        if (diagnostic.Severity == DiagnosticSeverity.Warning && WarningsAreErrors)
            diagnostic = diagnostic with { Severity = DiagnosticSeverity.Error };
        lock (_gate)
        {
            // A probe point expanded into many probes reports a problem of its body once, as stap does.
            if (_seen.Add(diagnostic))
                _diagnostics.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            Add(diagnostic);
    }

    private void Error(string id, SourceSpan? location, string message) =>
        Add(new Diagnostic(id, DiagnosticSeverity.Error, location, message));

    /// <summary>The diagnostics in source order (file, then position), stable for equal positions.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return _diagnostics
                .Select((diagnostic, index) => (diagnostic, index))
                .OrderBy(x => x.diagnostic.Location?.Source.FileName ?? "", StringComparer.Ordinal)
                .ThenBy(x => x.diagnostic.Location?.Start ?? -1)
                .ThenBy(x => x.index)
                .Select(x => x.diagnostic)
                .ToList();
        }
    }

    public IEnumerator<Diagnostic> GetEnumerator()
    {
        lock (_gate) return _diagnostics.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
