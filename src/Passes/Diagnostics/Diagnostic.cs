using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>
/// One message about the input: a stable id (STP1xxx for parse ... STP5xxx for run),
/// a severity, and the source position it is about, when there is one.
/// </summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, SourceSpan? Location, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
        var prefix = Location is { } location ? $"{location}: " : "";
        return $"{prefix}{severity}: {Message} [{Id}]";
    }
}
