namespace Tapline.Runtime;

/// <summary>
/// Counts a run's errors as SystemTap does: each is reported as `ERROR: MESSAGE at FILE:LINE:COLUMN`
/// (the statement the hit was running),
/// and the run ends once there are more than MAXERRORS of them (0 by default: the first
/// error ends the run; `-D MAXERRORS=N` allows N).
/// </summary>
public sealed class ErrorCounter(int maxErrors = 0)
{
    public int MaxErrors { get; } = maxErrors;

    public int Count { get; private set; }

    /// <summary>
    /// Counts an error and writes its report; returns true when the run must end. Any exception
    /// a handler throws is a run-time error: a <see cref="ScriptRuntimeException"/> from the
    /// runtime, or one from the reader (a field outside its record, say).
    /// </summary>
    public bool Report(Exception error, TextWriter errors, string? statementLocation = null)
    {
        Count++;
        var location = statementLocation ?? ScriptLocation.Of(error);
        errors.WriteLine(location is null ? $"ERROR: {error.Message}" : $"ERROR: {error.Message} at {location}");
        return Count > MaxErrors;
    }

    /// <summary>The closing line SystemTap prints when anything went wrong, or null when nothing did.</summary>
    public string? Summary(long skippedProbes) =>
        Count == 0 && skippedProbes == 0 ? null : $"WARNING: Number of errors: {Count}, skipped probes: {skippedProbes}";
}
