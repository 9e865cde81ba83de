namespace Tapline.Runtime;

/// <summary>Program files as `process("PATH")` names them: by their real path, every symbolic link resolved.</summary>
public static class Programs
{
    private const int MostLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (made absolute, each symbolic link on the way followed), or null when it does not exist; both are script strings.</summary>
    public static string? RealPath(string path) =>
        RealPath(Path.GetFullPath(ScriptBytes.ToUnicode(path)), 0) is { } real ? ScriptBytes.FromUnicode(real) : null;

    /// <summary>`process("PATH")`: whether the program an exec named (<paramref name="filename"/>) is the file at <paramref name="realPath"/>.</summary>
    public static bool Is(string filename, string realPath) =>
        filename == realPath || (filename.StartsWith('/') && RealPath(filename) == realPath);

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
