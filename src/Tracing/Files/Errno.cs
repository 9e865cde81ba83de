namespace Tapline.Tracing.Files;

/// <summary>The error numbers the file layer tells apart, and the exception each becomes.</summary>
internal static class Errno
{
    public const int NoEntry = 2;
    public const int Exists = 17;
    public const int LoopOfLinks = 40;

    /// <summary>The error as its text alone: every caller names the path it was about itself.</summary>
    public static IOException ToException(int error) => new(Perf.LibC.ErrorText(error), error);
}
