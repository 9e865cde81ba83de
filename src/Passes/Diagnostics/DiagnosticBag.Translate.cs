using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>The messages of pass 3 (translate), ids STP3xxx.</summary>
public sealed partial class DiagnosticBag
{
    public void ReportNotTranslatable(SourceSpan location, string what) =>
        Error("STP3001", location, $"{what} is not supported by Tapline's translator yet");

}
