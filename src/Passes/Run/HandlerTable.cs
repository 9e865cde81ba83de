using Tapline.Passes.Attachments;
using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>
/// A module's handlers sorted for running by what pass 3 attached each to: begin and end by
/// priority, timers, tracepoints and perf events by stream, plug-in families by the family
/// that serves them. A handler that nothing serves is <see cref="Unserved"/>.
/// </summary>
internal sealed class HandlerTable
{
    private HandlerTable(ProbeModule module, IReadOnlyList<ProbeAttachment> attachments, EventSourceFamilies families)
    {
        var handlers = module.Handlers;
        if (handlers.Count != attachments.Count)
            throw new InvalidOperationException($"the module has {handlers.Count} handlers, pass 3 attached {attachments.Count}");
        var attached = handlers.Zip(attachments, (handler, attachment) => new AttachedHandler<ProbeAttachment>(handler, attachment)).ToList();
        All = handlers;
        StatementLocations = module.StatementLocations;
        Begin = BySession(attached, SessionEvent.Begin);
        End = BySession(attached, SessionEvent.End);
        Error = BySession(attached, SessionEvent.Error);
        var timers = Of<TimerAttachment>(attached);
        Timers = [.. timers.Where(t => t.Attachment.PeriodNanoseconds > 0)];
        ProfileTicks = [.. timers.Where(t => t.Attachment.PeriodNanoseconds <= 0).Select(t => t.Handler)];
        Prometheus = [.. Of<PrometheusAttachment>(attached).Select(h => h.Handler)];
        ExistingProcesses = [.. Of<ExistingProcessAttachment>(attached).Select(h => h.Handler)];
        Tracepoints = Of<TracepointAttachment>(attached)
            .GroupBy(h => $"{h.Attachment.System}:{h.Attachment.Name}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new TracepointHandlers([.. g]), StringComparer.Ordinal);
        var sampled = Of<PerfAttachment>(attached).GroupBy(h => h.Attachment).ToList();
        Samplers = [.. sampled.Select(g => g.Key)];
        SampledHandlers = sampled.ToDictionary(
            g => PerfSampler.StreamName(g.Key), g => TracepointHandlers.TakingEveryEvent([.. g.Select(h => h.Handler)]), StringComparer.Ordinal);
        var uprobes = Of<UprobeAttachment>(attached).GroupBy(h => h.Attachment.StreamName, StringComparer.Ordinal).ToList();
        Uprobes = [.. uprobes.Select(g => g.First().Attachment)];
        UprobeHandlers = uprobes.ToDictionary(
            g => g.Key, g => TracepointHandlers.OfUprobe([.. g.Select(h => h.Handler)], g.First().Attachment.IsReturn), StringComparer.Ordinal);
        var served = attached.Where(h => !IsBuiltIn(h.Attachment)).Select(h => Serve(h, families)).ToList();
        Families = [.. served.Where(s => s.Family is not null).GroupBy(s => s.Family!)
            .Select(g => new FamilyHandlers(g.Key, [.. g.Select(s => s.Handler)]))];
        FamilyStreams = served.Where(s => s.Family is not null)
            .GroupBy(s => s.Stream!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => TracepointHandlers.TakingEveryEvent([.. g.Select(s => s.Handler.Handler)]), StringComparer.Ordinal);
        FamilyFailures = [.. served.Where(s => s.Failure is not null).Select(s => (s.Handler.Handler.Point, s.Failure!))];
        Unserved = [.. served.Where(s => s.Family is null && s.Failure is null).Select(s => s.Handler.Handler)];
    }

    /// <summary>The perf events to sample on every CPU, each once however many handlers it has.</summary>
    public IReadOnlyList<PerfAttachment> Samplers { get; }

    /// <summary>The handlers of each perf event, keyed by its <see cref="PerfSampler.StreamName"/>.</summary>
    public IReadOnlyDictionary<string, TracepointHandlers> SampledHandlers { get; }

    /// <summary>The uprobes to place, each once however many handlers it has.</summary>
    public IReadOnlyList<UprobeAttachment> Uprobes { get; }

    /// <summary>The handlers of each uprobe, keyed by its <see cref="UprobeAttachment.StreamName"/>.</summary>
    public IReadOnlyDictionary<string, TracepointHandlers> UprobeHandlers { get; }

    /// <summary>Where each statement of the module is, for run-time errors.</summary>
    public IReadOnlyList<string> StatementLocations { get; }

    /// <summary>Handlers of a kind no event source serves: the run refuses them rather than never running them.</summary>
    public IReadOnlyList<ProbeHandler> Unserved { get; }

    /// <summary>`timer.profile` handlers: they need a sampling event Tapline does not open.</summary>
    public IReadOnlyList<ProbeHandler> ProfileTicks { get; }

    /// <summary>Every handler, in the module's order.</summary>
    public IReadOnlyList<ProbeHandler> All { get; }

    public IReadOnlyList<ProbeHandler> Begin { get; }
    public IReadOnlyList<ProbeHandler> End { get; }
    public IReadOnlyList<ProbeHandler> Error { get; }
    public IReadOnlyList<AttachedHandler<TimerAttachment>> Timers { get; }
    public IReadOnlyList<ProbeHandler> Prometheus { get; }

    /// <summary>Handlers run once in each process that already runs when a live run starts (part of `process.begin`).</summary>
    public IReadOnlyList<ProbeHandler> ExistingProcesses { get; }

    /// <summary>The handlers of each tracepoint (`raw_syscalls:sys_exit`), keyed by that name.</summary>
    public IReadOnlyDictionary<string, TracepointHandlers> Tracepoints { get; }

    /// <summary>The handlers of each plug-in family, with the family that opens their events.</summary>
    public IReadOnlyList<FamilyHandlers> Families { get; }

    /// <summary>Points whose plug-in family failed when asked whether it serves them or what their stream is, and why.</summary>
    public IReadOnlyList<(string Point, string Reason)> FamilyFailures { get; }

    /// <summary>The handlers of each stream of the plug-in families, keyed by the stream's name.</summary>
    public IReadOnlyDictionary<string, TracepointHandlers> FamilyStreams { get; }

    public static HandlerTable Of(ProbeModule module, IReadOnlyList<ProbeAttachment> attachments, EventSourceFamilies? families = null) =>
        new(module, attachments, families ?? EventSourceFamilies.None);

    /// <summary>Which plug-in family serves a handler and under what stream; a plug-in's code may fail in any way, and its message is the reason.</summary>
    private static (AttachedHandler<ProbeAttachment> Handler, IEventSourceFamily? Family, string? Stream, string? Failure) Serve(
        AttachedHandler<ProbeAttachment> handler, EventSourceFamilies families)
    {
        try
        {
            var family = families.Serving(handler.Attachment);
            return (handler, family, family?.StreamOf(handler.Attachment), null);
        }
        catch (Exception e)
        {
            return (handler, null, null, e.Message);
        }
    }

    private static bool IsBuiltIn(ProbeAttachment attachment) => attachment is SessionAttachment or TimerAttachment
        or TracepointAttachment or PerfAttachment or PrometheusAttachment or ExistingProcessAttachment or UprobeAttachment;

    private static List<AttachedHandler<T>> Of<T>(IEnumerable<AttachedHandler<ProbeAttachment>> handlers) where T : ProbeAttachment =>
        [.. handlers.Where(h => h.Attachment is T).Select(h => new AttachedHandler<T>(h.Handler, (T)h.Attachment))];

    /// <summary>Begin and end probes run in priority order (`begin(-1)` first), ties in script order; `never` never.</summary>
    private static ProbeHandler[] BySession(IEnumerable<AttachedHandler<ProbeAttachment>> handlers, SessionEvent session) =>
        [.. Of<SessionAttachment>(handlers).Where(h => h.Attachment.Event == session).OrderBy(h => h.Attachment.Priority).Select(h => h.Handler)];
}

/// <summary>The handlers a plug-in family serves, and the family.</summary>
internal sealed record FamilyHandlers(IEventSourceFamily Family, IReadOnlyList<AttachedHandler<ProbeAttachment>> Handlers);
