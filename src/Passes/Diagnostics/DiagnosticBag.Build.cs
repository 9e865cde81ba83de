namespace Tapline.Passes.Diagnostics;

/// <summary>The messages of pass 4 (build), ids STP4xxx.</summary>
public sealed partial class DiagnosticBag
{
    /// <summary>
    /// The C# of a module does not compile: a mistake in guru-mode embedded code, or a bug in
    /// pass 3. The position is the script's where a `#line` directive maps it there.
    /// </summary>
    public void ReportModuleCompileError(string location, string compilerId, string message) =>
        Error("STP4001", null, $"{(location.Length > 0 ? location + ": " : "")}C# {compilerId}: {message}");

    public void ReportCacheUnusable(string directory, string reason) =>
        Add(new Diagnostic("STP4002", DiagnosticSeverity.Warning, null, $"build cache {directory} is not usable ({reason}); building without it"));

    /// <summary>A cache entry that is not safe or not whole: it is not loaded, the module is built anew.</summary>
    public void ReportCacheEntryRefused(string path, string reason) =>
        Add(new Diagnostic("STP4003", DiagnosticSeverity.Warning, null, $"not loading {path} from the build cache: {reason}; building the module anew"));
}
