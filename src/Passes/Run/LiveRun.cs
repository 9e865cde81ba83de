using Tapline.Passes.Pipeline;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;
using Tapline.Tracing.Perf;

namespace Tapline.Passes.Run;

/// <summary>
/// Pass 5 on the live system: opens the module's tracepoints on every CPU, runs begin probes,
/// starts the -c command, then pumps events until the end condition; then stops the kernel,
/// drains what it already wrote, and runs end probes. Every perf descriptor is closed on every path.
/// </summary>
/// <param name="captures">Pass 3's programs that copy user memory at the events, by the tracepoint each serves.</param>
internal sealed class LiveRun(
    HandlerTable table, IReadOnlyList<Tracing.Capture.CaptureProgram> captures, PassContext context, SessionSettings settings, ScrapeQueue? scrapes)
{
    private const int LongestWaitMilliseconds = 100;

    private readonly LiveTraceOptions _options = new(DataPages: RingPages(context.Options.Run.BufferMegabytes));

    public RunOutcome Execute()
    {
        var run = context.Options.Run;
        using var source = table.Tracepoints.Count == 0 && table.Samplers.Count == 0 && table.Uprobes.Count == 0 ? null : Open();
        if (source is null && context.Diagnostics.HasErrors)
            return RunOutcome.NotRun("the live system");
        using var families = FamilySources.Open(table.Families, context.Diagnostics);
        if (families is null)
            return RunOutcome.NotRun("the live system");

        TargetCommand? command = null;
        try
        {
            if (run.Command is not null)
                command = TargetCommand.StartStopped(run.Command);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            context.Diagnostics.ReportCommandFailed(run.Command!, e.Message);
            return RunOutcome.NotRun("the live system");
        }
        using (command)
        {
            var targetPid = command?.Pid ?? run.TargetPid ?? 0;
            var processes = source?.Decoder.Processes ?? new ProcessTable(live: true);
            var session = new ScriptSession(table, settings with { TargetPid = targetPid, WallClockOffset = Clocks.WallClockOffset() }, processes, new LiveProcessMemory());
            // A signal also ends the handler that is running, at its next charge against MAXACTION.
            using var interruption = context.Cancellation.Register(session.Context.Interrupt);
            var start = Clocks.MonotonicNanoseconds;
            session.Begin(start);
            if (!session.Stopped)
            {
                scrapes?.Open();
                try
                {
                    Trace(source, families, session, command, start, run.Duration);
                }
                finally
                {
                    scrapes?.Close();
                }
            }
            session.Finish(Clocks.MonotonicNanoseconds);
            return session.Conclude("the live system", source?.LostEvents() ?? 0)
                with
            { KernelFiltered = source?.KernelFilteredEvents() ?? 0 };
        }
    }

    /// <summary>
    /// Pumps events (or, with no tracepoint to read, only waits) until the end condition; the
    /// plug-in families' events are taken on each turn, up to the time the turn ends.
    /// </summary>
    private void Trace(LiveTraceSource? source, FamilySources families, ScriptSession session, TargetCommand? command, long start, TimeSpan? duration)
    {
        var deadline = duration is { } limit ? start + (long)limit.TotalNanoseconds : long.MaxValue;
        var margin = _options.ReorderMarginNanoseconds;
        using var woken = new AutoResetEvent(false);
        if (scrapes is not null)
            scrapes.Wake = source is null ? () => woken.Set() : source.Wake;
        source?.Enable();
        session.BeginExistingProcesses(ExistingProcesses(source, command));
        session.Timers.Start(start);
        command?.Release();
        while (!session.Stopped && !context.Cancellation.IsCancellationRequested && command?.HasExited != true)
        {
            var now = Clocks.MonotonicNanoseconds;
            if (now >= deadline)
                break;
            var wait = WaitMilliseconds(now, Math.Min(deadline, session.Timers.NextDeadline + margin ?? long.MaxValue));
            if (source is null)
                WaitHandle.WaitAny([context.Cancellation.WaitHandle, woken], wait);
            else
                source.Pump(session.Dispatcher, wait);
            // What is due now, but for the margin tracepoint events may still arrive out of order within.
            var due = Clocks.MonotonicNanoseconds - (source is null ? 0 : margin);
            families.Deliver(session.Dispatcher, due);
            session.Timers.FireDue(due);
            session.ServeScrapes(scrapes);
            session.Flush();
        }
        if (scrapes is not null)
            scrapes.Wake = null;
        session.Dispatcher.StopTime = Clocks.MonotonicNanoseconds;
        families.Deliver(session.Dispatcher, session.Dispatcher.StopTime);
        source?.Disable();
        source?.Drain(session.Dispatcher);
    }

    /// <summary>
    /// What the kernel may drop for a tracepoint: nothing unless every one of its handlers has
    /// a provable condition (pass 3 wrote it in the handler table); then events meeting none.
    /// </summary>
    /// <summary>The user processes that run as tracing starts, but Tapline and the -c command (whose begin is its exec); read only when asked.</summary>
    private static IEnumerable<int> ExistingProcesses(LiveTraceSource? source, TargetCommand? command)
    {
        var processes = source?.Decoder.Processes;
        if (processes is null)
        {
            processes = new ProcessTable();
            processes.LoadFrom();
        }
        foreach (var pid in processes.UserProcesses)
        {
            if (pid != Environment.ProcessId && pid != command?.Pid)
                yield return pid;
        }
    }

    private static string? FilterOf(TracepointHandlers handlers)
    {
        if (handlers.KernelFilters.Any(f => f is null))
            return null;
        var conditions = handlers.KernelFilters.Select(f => f!).Distinct(StringComparer.Ordinal).ToList();
        return conditions.Count == 1 ? conditions[0] : string.Join(" || ", conditions.Select(c => $"({c})"));
    }

    /// <summary>`-s MB` as a ring's data pages: a power of two, as perf requires.</summary>
    private static int RingPages(int megabytes) =>
        (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(megabytes * 1024 * 1024 / Environment.SystemPageSize));

    private static int WaitMilliseconds(long now, long until) =>
        (int)Math.Clamp((until - now) / 1_000_000, 0, LongestWaitMilliseconds);

    private LiveTraceSource? Open()
    {
        try
        {
            var catalog = new TracefsCatalog(Tracefs.EnsureMounted());
            var tracepoints = new List<LiveTracepoint>();
            var captured = captures.ToDictionary(c => c.Plan.Tracepoint, StringComparer.Ordinal);
            foreach (var name in table.Tracepoints.Keys.Order(StringComparer.Ordinal))
            {
                var parts = name.Split(':', 2);
                if (catalog.Find(new TracepointName(parts[0], parts[1])) is { } format)
                    tracepoints.Add(new LiveTracepoint(new EventFormat(format), FilterOf(table.Tracepoints[name]), captured.GetValueOrDefault(name)));
                else
                    context.Diagnostics.ReportTracepointNotInKernel(name);
            }
            if (context.Diagnostics.HasErrors)
                return null;
            var samplers = table.Samplers.Select(s => new LiveSampler(s.Type, s.Config, s.SamplePeriod, PerfSampler.StreamFormat(s),
                $"the perf event of type {s.Type}, config {s.Config}")).ToList();
            var uprobes = table.Uprobes.Select(u => new LiveUprobe(u.Path, u.Offset, u.IsReturn,
                new EventFormat(u.RecordFormat),
                captured.GetValueOrDefault(u.StreamName) ?? throw new InvalidOperationException($"pass 3 wrote no program for the uprobe {u.StreamName}"))
            {
                SemaphoreOffset = u.SemaphoreOffset,
            }).ToList();
            return LiveTraceSource.Open(tracepoints, samplers, OnlineCpus.Read(), _options, uprobes);
        }
        catch (Exception e) when (e is PerfException or IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.ReportTracingUnavailable(e.Message);
            return null;
        }
        catch (Tracing.Bpf.BpfException e)
        {
            context.Diagnostics.ReportCaptureUnavailable(e.Message, e.VerifierReason);
            return null;
        }
    }
}
