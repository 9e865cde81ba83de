using System.Globalization;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>
/// Writes one line per finished pass, in the spirit of `stap -v`:
/// `Pass 1: parsed user script and 12 library scripts: 210 AST nodes, 13 files, 48211 bytes in 31 ms`.
/// Reads the measurement that <see cref="PassTimer"/> took, so register it after the timer.
/// </summary>
public sealed class VerboseReporter(PassTimer timer, TextWriter writer) : IPassObserver
{
    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        var measurement = timer.Measurements[^1];
        writer.WriteLine(FormatLine(measurement));
    }

    public static string FormatLine(PassMeasurement measurement)
    {
        var counts = string.Join(", ", measurement.Counts);
        var milliseconds = ((long)Math.Round(measurement.WallTime.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        var label = measurement.Pass.Name == PassNames.ForNumber(measurement.Pass.Number)
            ? $"Pass {measurement.Pass.Number}"
            : $"Pass {measurement.Pass.Number} ({measurement.Pass.Name})";
        return $"{label}: {measurement.Summary}: {counts} in {milliseconds} ms";
    }
}
