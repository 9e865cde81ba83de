using System.Diagnostics;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>
/// Records each pass's wall time, CPU time and allocated bytes (all threads),
/// with its output's summary and counts. Register it first, so it measures the
/// pass alone.
/// </summary>
public sealed class PassTimer : IPassObserver
{
    private readonly List<PassMeasurement> _measurements = new();
    private long _startTimestamp;
    private TimeSpan _startCpu;
    private long _startAllocated;

    public IReadOnlyList<PassMeasurement> Measurements => _measurements;

    public void PassStarting(PassInfo pass)
    {
        _startAllocated = GC.GetTotalAllocatedBytes(precise: true);
        _startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        var wall = Stopwatch.GetElapsedTime(_startTimestamp);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _startCpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _startAllocated;
        _measurements.Add(new PassMeasurement(pass, wall, cpu, allocated, output.Summary, output.Counts));
    }
}
