using Tapline.Passes.Text;

namespace Tapline.Passes.Diagnostics;

/// <summary>The messages of pass 3 (translate), ids STP3xxx.</summary>
public sealed partial class DiagnosticBag
{
    public void ReportNotTranslatable(SourceSpan location, string what) =>
        Error("STP3001", location, $"{what} is not supported by Tapline's translator yet");

    /// <summary>A read of user memory that cannot be copied while the event fires: reading it later would print what the memory holds then.</summary>
    public void ReportUserMemoryNotCapturable(SourceSpan location, string reader, string why) =>
        Error("STP3002", location,
            $"{reader} reads the traced process's memory, which cannot be copied when the event fires: {why} (--late-user-reads reads it afterwards, when it may have changed)");

}
