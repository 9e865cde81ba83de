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
    private readonly ProbeTimes? _times;

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
            QuietWarnings = settings.QuietWarnings,
            LateUserReads = settings.LateUserReads,
        };
        _times = settings.ProbeTiming ? new ProbeTimes() : null;
        Invoker = new ProbeInvoker(Context, new ErrorCounter(settings.MaxErrors), settings.Errors, settings.SuppressHandlerErrors, _times);
        Timers = new TimerSchedule(table.Timers, Invoker);
        Dispatcher = new EventDispatcher(table, Invoker, Timers);
    }

    /// <summary>Scrapes waiting together are answered by one run of the prometheus probes, at most this many at once.</summary>
    private const int MaxScrapesPerBatch = 256;

    private long _nextScrapeAllowed;

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

    /// <summary>The handlers stap runs once in each process that already runs at the start, in that process's context.</summary>
    public void BeginExistingProcesses(IEnumerable<int> pids)
    {
        if (_table.ExistingProcesses.Count == 0)
            return;
        foreach (var pid in pids)
        {
            foreach (var handler in _table.ExistingProcesses)
            {
                if (Stopped)
                    return;
                Context.EnterProcess(pid);
                Invoker.Invoke(handler);
            }
        }
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

    /// <summary>
    /// Answers the scrapes waiting now (up to <see cref="MaxScrapesPerBatch"/>) with one run of the
    /// prometheus probes, what they write into `$value`; not again until three times as long as it
    /// took has passed, so scraping never takes more than a quarter of the run thread.
    /// </summary>
    public void ServeScrapes(ScrapeQueue? scrapes)
    {
        if (scrapes is null || System.Diagnostics.Stopwatch.GetTimestamp() < _nextScrapeAllowed)
            return;
        var waiting = new List<TaskCompletionSource<string>>();
        while (waiting.Count < MaxScrapesPerBatch && scrapes.TryTake(out var scrape))
            waiting.Add(scrape);
        if (waiting.Count == 0)
            return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Context.BeginScrape();
        foreach (var handler in _table.Prometheus)
            Invoker.Invoke(handler);
        var body = Context.EndScrape();
        foreach (var scrape in waiting)
            scrape.TrySetResult(body);
        // Tracing may not wait, a scrape may: scrapes get at most a quarter of the run thread.
        var ended = System.Diagnostics.Stopwatch.GetTimestamp();
        _nextScrapeAllowed = ended + 3 * (ended - started);
    }

    /// <summary>Writes SystemTap's closing warnings and returns the outcome.</summary>
    public RunOutcome Conclude(string source, long lostEvents)
    {
        if (_times is not null)
        {
            _times.Write(_output, _table.All);
            _output.Flush();
        }
        if (Invoker.ErrorSummary is { } summary)
            _errors.WriteLine(summary);
        if (lostEvents > 0)
            _errors.WriteLine($"WARNING: Number of lost events: {lostEvents} (a CPU's ring was full: give more memory with -s MB)");
        if (Context.LateReads > 0)
            _errors.WriteLine($"WARNING: {Context.LateReads} user memory reads were made after their events (--late-user-reads): what they printed may not be what the events saw");
        _errors.Flush();
        return new RunOutcome(source, Dispatcher.EventsHandled, Invoker.HandlersRun, lostEvents, _output.Bytes, Invoker.Errors)
        {
            CaptureFaults = Context.CaptureFaults,
            LateUserReads = Context.LateReads,
        };
    }
}

/// <summary>What a session is given: where it writes, what `target()` is, how time maps to wall clock.</summary>
internal sealed record SessionSettings(TextWriter Output, TextWriter Errors, long TargetPid, long? WallClockOffset, int MaxErrors)
{
    /// <summary>MAXACTION, MAXNESTING, MAXSTRINGLEN from `-D`.</summary>
    public RunLimits Limits { get; init; } = RunLimits.Default;

    /// <summary>`-t`: time each handler and print stap's probe hit report at the end.</summary>
    public bool ProbeTiming { get; init; }

    /// <summary>`--suppress-handler-errors`: a run-time error ends its handler silently.</summary>
    public bool SuppressHandlerErrors { get; init; }

    /// <summary>`-q`: the script's `warn()` messages are not printed.</summary>
    public bool QuietWarnings { get; init; }

    /// <summary>`--late-user-reads`: an event's user memory that was not copied is read when a handler asks.</summary>
    public bool LateUserReads { get; init; }
}
