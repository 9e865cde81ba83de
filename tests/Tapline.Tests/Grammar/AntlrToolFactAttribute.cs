namespace Tapline.Tests.Grammar;

/// <summary>
/// A fact that needs the antlr-ng tool (`npm ci` installs it into node_modules). Without it
/// the test reports itself skipped with the reason, except under CI, where it must run.
/// </summary>
public sealed class AntlrToolFactAttribute : FactAttribute
{
    public static string ToolPath => Path.Combine(Repository.Root, "node_modules", ".bin", "antlr-ng");

    public AntlrToolFactAttribute()
    {
        var underCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (!File.Exists(ToolPath) && !underCi)
            Skip = "antlr-ng is not installed (run `npm ci` at the repository root)";
    }
}
