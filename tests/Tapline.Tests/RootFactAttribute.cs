namespace Tapline.Tests;

/// <summary>
/// A fact that needs root without tracing: it gives files to another user (`chown nobody`) to
/// play the part of an attacker on the same machine. Elsewhere it reports itself skipped.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public const int Nobody = 65534;

    public RootFactAttribute()
    {
        if (!IsRoot)
            Skip = "needs root: it makes files owned by another user (nobody)";
    }

    public static bool IsRoot => Tapline.Tracing.Files.SecureFile.CurrentUserId == 0;
}
