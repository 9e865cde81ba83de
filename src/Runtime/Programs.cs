namespace Tapline.Runtime;

/// <summary>Program files as `process("PATH")` names them: by their real path, every symbolic link resolved.</summary>
public static class Programs
{
    private const int MostLinks = 40;
    private const int MostAncestors = 1024;

    /// <summary>The real path of <paramref name="path"/> (made absolute, each symbolic link on the way followed), or null when it does not exist; both are script strings.</summary>
    public static string? RealPath(string path) =>
        RealPath(Path.GetFullPath(ScriptBytes.ToUnicode(path)), 0) is { } real ? ScriptBytes.FromUnicode(real) : null;

    /// <summary>`process("PATH")`: whether process <paramref name="pid"/> runs the program at <paramref name="realPath"/>, as the run's events tell it.</summary>
    public static bool Runs(ProbeContext context, long pid, string realPath) => context.ProgramOf(pid) == realPath;

    /// <summary>
    /// Whether process <paramref name="pid"/> is the `-c`/`-x` target or descends from it (always,
    /// without a target): stap's process probes see only the target's hierarchy then.
    /// </summary>
    public static bool InTargetFamily(ProbeContext context, long pid)
    {
        if (context.TargetPid == 0)
            return true;
        for (var (process, steps) = (pid, 0); process > 1 && steps < MostAncestors; (process, steps) = (context.ParentOfProcess(process), steps + 1))
        {
            if (process == context.TargetPid)
                return true;
        }
        return false;
    }

    private static string? RealPath(string full, int links)
    {
        if (links > MostLinks)
            return null;
        var resolved = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (RealPath(Path.GetFullPath(target, resolved), links + 1) is not { } real)
                    return null;
                next = real;
            }
            else if (!File.Exists(next) && !Directory.Exists(next))
            {
                return null;
            }
            resolved = next;
        }
        return resolved;
    }
}
