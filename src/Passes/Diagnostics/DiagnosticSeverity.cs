namespace Tapline.Passes.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
