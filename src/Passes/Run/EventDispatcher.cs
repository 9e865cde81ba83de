using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// Receives the merged event stream: fires the timers due before each event, then runs the
/// event's handlers (through the syscall table where there is one). Events after the stop
/// time, or after the run stopped, are left.
/// </summary>
internal sealed unsafe class EventDispatcher(HandlerTable table, ProbeInvoker invoker, TimerSchedule timers) : ITraceEventHandler
{
    private readonly Dictionary<EventFormat, TracepointHandlers?> _handlersByFormat = new(ReferenceEqualityComparer.Instance);

    public long EventsHandled { get; private set; }

    public long LastEventTime { get; private set; }

    /// <summary>Events later than this are not handled (the run's end condition was met at that time).</summary>
    public long StopTime { get; set; } = long.MaxValue;

    public void Handle(in TraceEvent traceEvent)
    {
        if (invoker.Stopped || traceEvent.Time > StopTime)
            return;
        LastEventTime = traceEvent.Time;
        timers.FireDue(traceEvent.Time);
        if (invoker.Stopped || HandlersOf(traceEvent.Format) is not { } handlers)
            return;
        if (handlers.TargetFamilyOnly && !Runtime.Programs.InTargetFamily(invoker.Context, traceEvent.Pid))
            return;
        EventsHandled++;
        fixed (byte* raw = traceEvent.Raw)
        {
            invoker.Context.Enter(traceEvent, raw);
            invoker.Context.IsReturn = handlers.IsReturn;
            var run = handlers.DispatchesBySyscall
                ? handlers.For(traceEvent.Format.ReadNumber(traceEvent.Raw, TracepointHandlers.SyscallField))
                : handlers.Ungated;
            foreach (var handler in run)
            {
                invoker.Invoke(handler);
                if (invoker.Stopped)
                    return;
            }
        }
    }

    private TracepointHandlers? HandlersOf(EventFormat format)
    {
        if (!_handlersByFormat.TryGetValue(format, out var handlers))
            _handlersByFormat[format] = handlers = table.Tracepoints.GetValueOrDefault(format.FullName)
                ?? table.SampledHandlers.GetValueOrDefault(format.FullName) ?? table.UprobeHandlers.GetValueOrDefault(format.FullName)
                ?? table.FamilyStreams.GetValueOrDefault(format.FullName);
        return handlers;
    }
}
