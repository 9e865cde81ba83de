using System.Diagnostics;

namespace Tapline.Runtime;

/// <summary>
/// Where in the script a run-time error happened: the first frame of the generated
/// module's code, whose `#line` map (in the module's embedded PDB) names the script line.
/// </summary>
public static class ScriptLocation
{
    /// <summary>`errno.stp:12` (the statement's line; `#line` maps lines, not columns), or null when no frame maps to a script file.</summary>
    public static string? Of(Exception error)
    {
        foreach (var frame in new StackTrace(error, true).GetFrames())
        {
            var file = frame.GetFileName();
            if (file is not null && (file.EndsWith(".stp", StringComparison.Ordinal) || file is "<input>" or "<stdin>"))
                return $"{file}:{frame.GetFileLineNumber()}";
        }
        return null;
    }
}
