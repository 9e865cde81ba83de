using Tapline.Runtime;
using Tapline.Tracing.Events;

namespace Tapline.Passes.Run;

/// <summary>
/// One run of a module, whatever feeds it: the context, the handler invoker with its error
/// count, the timers, the dispatcher; begin probes first, end (or error) probes last.
/// </summary>
internal sealed class ScriptSession
{
    private readonly HandlerTable _table;
    private readonly CountingWriter _output;
    private readonly TextWriter _errors;

    public ScriptSession(HandlerTable table, SessionSettings settings, ProcessTable processes, IProcessMemory memory)
    {
        _table = table;
        _output = new CountingWriter(settings.Output);
        _errors = settings.Errors;
        Context = new EventContext(_output, settings.Errors, processes, memory)
        {
            TargetPid = settings.TargetPid,
            WallClockOffset = settings.WallClockOffset,
            Limits = settings.Limits,
            StatementLocations = table.StatementLocations,
        };
        Invoker = new ProbeInvoker(Context, new ErrorCounter(settings.MaxErrors), settings.Errors);
        Timers = new TimerSchedule(table.Timers, Invoker);
        Dispatcher = new EventDispatcher(table, Invoker, Timers);
    }

    public EventContext Context { get; }
    public ProbeInvoker Invoker { get; }
    public TimerSchedule Timers { get; }
    public EventDispatcher Dispatcher { get; }

    public bool Stopped => Invoker.Stopped;

    public void Begin(long time)
    {
        Context.CurrentTime = time;
        Invoker.InvokeAll(_table.Begin);
        _output.Flush();
    }

    /// <summary>End probes, or, when errors happened, error probes instead (as SystemTap does).</summary>
    public void Finish(long time)
    {
        Context.CurrentTime = time;
        Invoker.InvokeAll(Invoker.Errors > 0 ? _table.Error : _table.End);
        _output.Flush();
    }

    public void Flush() => _output.Flush();

    /// <summary>Answers every waiting scrape with what the prometheus probes write into `$value`.</summary>
    public void ServeScrapes(ScrapeQueue? scrapes)
    {
        if (scrapes is null)
            return;
        while (scrapes.TryTake(out var scrape))
        {
            Context.BeginScrape();
            foreach (var handler in _table.Prometheus)
                Invoker.Invoke(handler);
            scrape.TrySetResult(Context.EndScrape());
        }
    }

    /// <summary>Writes SystemTap's closing warnings and returns the outcome.</summary>
    public RunOutcome Conclude(string source, long lostEvents)
    {
        if (Invoker.ErrorSummary is { } summary)
            _errors.WriteLine(summary);
        if (lostEvents > 0)
            _errors.WriteLine($"WARNING: Number of lost events: {lostEvents} (a CPU's ring was full: give more memory with -s MB)");
        _errors.Flush();
        return new RunOutcome(source, Dispatcher.EventsHandled, Invoker.HandlersRun, lostEvents, _output.Bytes, Invoker.Errors);
    }
}

/// <summary>What a session is given: where it writes, what `target()` is, how time maps to wall clock.</summary>
internal sealed record SessionSettings(TextWriter Output, TextWriter Errors, long TargetPid, long? WallClockOffset, int MaxErrors)
{
    /// <summary>MAXACTION, MAXNESTING, MAXSTRINGLEN from `-D`.</summary>
    public RunLimits Limits { get; init; } = RunLimits.Default;
}
