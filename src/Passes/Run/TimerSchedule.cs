using Tapline.Passes.Attachments;

namespace Tapline.Passes.Run;

/// <summary>
/// The `timer.*` probes, fired in time order between events: each at its start plus a whole
/// number of periods, on the event stream's own clock (so a replay fires them as the live run did);
/// a `.randomize(M)` timer's every period is off by a random amount of up to M either way.
/// </summary>
internal sealed class TimerSchedule(IReadOnlyList<AttachedHandler<TimerAttachment>> timers, ProbeInvoker invoker)
{
    private readonly long[] _deadlines = new long[timers.Count];
    private bool _started;

    public bool IsEmpty => timers.Count == 0;

    /// <summary>Starts every timer at <paramref name="time"/>; the first fires one period later.</summary>
    public void Start(long time)
    {
        for (var i = 0; i < timers.Count; i++)
            _deadlines[i] = time + Period(timers[i]);
        _started = true;
    }

    /// <summary>The earliest deadline, or null when nothing is scheduled.</summary>
    public long? NextDeadline => _started && timers.Count > 0 ? _deadlines.Min() : null;

    /// <summary>Fires, in deadline order, every timer due at or before <paramref name="time"/>.</summary>
    public void FireDue(long time)
    {
        if (!_started)
            Start(time);
        while (!invoker.Stopped && NextDeadline is { } next && next <= time)
        {
            var index = Array.IndexOf(_deadlines, next);
            invoker.Context.CurrentTime = next;
            invoker.Context.EnterWithoutEvent();
            invoker.Invoke(timers[index].Handler);
            _deadlines[index] = next + Period(timers[index]);
        }
    }

    private static long Period(AttachedHandler<TimerAttachment> timer) => timer.Attachment switch
    {
        { SpreadNanoseconds: <= 0 } fixedPeriod => fixedPeriod.PeriodNanoseconds,
        var spread => Math.Max(1, spread.PeriodNanoseconds + Random.Shared.NextInt64(-spread.SpreadNanoseconds, spread.SpreadNanoseconds + 1)),
    };
}
