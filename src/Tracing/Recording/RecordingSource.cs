using Tapline.Tracing.Events;

namespace Tapline.Tracing.Recording;

/// <summary>
/// Replays a recording: its records sorted by time (perf writes them a ring at a time, not in
/// global order), side-band records updating the process table, samples to the handler.
/// </summary>
public sealed class RecordingSource
{
    private readonly List<(long Offset, int Length, long Time)> _ordered;

    public RecordingSource(PerfDataFile file)
    {
        File = file;
        Decoder = new RecordDecoder(file.Streams, new ProcessTable());
        _ordered = file.Records()
            .Select(r => (r.Offset, r.Length, Time: Decoder.TimeOf(file.RecordAt(r.Offset, r.Length))))
            .OrderBy(r => r.Time) // a stable sort: records of one time keep their file order
            .ToList();
        StartTime = _ordered.Select(r => r.Time).FirstOrDefault(t => t > 0);
    }

    public PerfDataFile File { get; }

    public RecordDecoder Decoder { get; }

    /// <summary>The time of the first timed record: when the recording's clock starts for timers and -T.</summary>
    public long StartTime { get; }

    /// <summary>Delivers every record in time order until the end or until <paramref name="stop"/> says so.</summary>
    public void Replay(ITraceEventHandler handler, Func<bool> stop)
    {
        foreach (var record in _ordered)
        {
            if (stop())
                return;
            Decoder.Deliver(File.RecordAt(record.Offset, record.Length), handler);
        }
    }
}
