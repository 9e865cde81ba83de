using System.Diagnostics;
using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// `-t`: each handler's hits and the time each took, reported at the end as stap's
/// "probe hit report". stap counts CPU cycles; Tapline counts <see cref="Stopwatch"/> ticks
/// (nanoseconds on Linux), under stap's heading "cycles".
/// </summary>
internal sealed class ProbeTimes
{
    private readonly Dictionary<ProbeHandler, Statistic> _times = new(ReferenceEqualityComparer.Instance);

    public static long Now() => Stopwatch.GetTimestamp();

    public void Record(ProbeHandler handler, long started)
    {
        if (!_times.TryGetValue(handler, out var statistic))
            _times[handler] = statistic = new Statistic();
        statistic.Add(Stopwatch.GetTimestamp() - started);
    }

    /// <summary>The report: one line per handler that ran, in the module's order, then the (empty) refresh report.</summary>
    public void Write(TextWriter output, IReadOnlyList<ProbeHandler> handlers)
    {
        output.Write("----- probe hit report: \n");
        for (var index = 0; index < handlers.Count; index++)
        {
            var handler = handlers[index];
            if (!_times.TryGetValue(handler, out var time))
                continue;
            output.Write($"{handler.Point}, ({handler.Location}), hits: {time.Count}, cycles: {time.Min}min/{time.Average}avg/{time.Max}max, " +
                $"variance: {time.Variance},{handler.Derivation}, index: {index}\n");
        }
        output.Write("----- refresh report:\n");
    }
}
