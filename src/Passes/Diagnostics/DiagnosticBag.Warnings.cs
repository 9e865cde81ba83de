using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>The warnings of pass 2 (elaborate and optimize), given for the user's script only, as stap gives them.</summary>
public sealed partial class DiagnosticBag
{
    public void ReportNeverAssigned(SourceSpan location, string name) =>
        Warning("STP2035", location, $"never-assigned local variable '{name}'");

    public void ReportElidedFunction(SourceSpan location, string name) =>
        Warning("STP2036", location, $"eliding unused function '{name}'");

    public void ReportElidedVariable(SourceSpan location, string name) =>
        Warning("STP2037", location, $"eliding unused variable '{name}'");

    public void ReportElidedAssignment(SourceSpan location, string name) =>
        Warning("STP2038", location, $"eliding assignment to '{name}'");

    public void ReportElidedExpression(SourceSpan location) =>
        Warning("STP2039", location, "eliding side-effect-free expression");

    private void Warning(string id, SourceSpan? location, string message) =>
        Add(new Diagnostic(id, DiagnosticSeverity.Warning, location, message));
}
