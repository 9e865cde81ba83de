using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>A module's handlers sorted for running: by family, begin and end by priority, tracepoints by name.</summary>
internal sealed class HandlerTable
{
    /// <summary>The families the run pass serves (`never` by never running it).</summary>
    private static readonly HashSet<string> KnownFamilies =
        ["begin", "end", "error", "never", "timer", "prometheus", "tracepoint", "perf", "process-existing"];

    private HandlerTable(ProbeModule module)
    {
        var handlers = module.Handlers;
        Unserved = [.. handlers.Where(h => !KnownFamilies.Contains(h.Family))];
        All = handlers;
        StatementLocations = module.StatementLocations;
        Begin = ByPriority(handlers, "begin");
        End = ByPriority(handlers, "end");
        Error = ByPriority(handlers, "error");
        Timers = [.. handlers.Where(h => h.Family == "timer")];
        Prometheus = [.. handlers.Where(h => h.Family == "prometheus")];
        ExistingProcesses = [.. handlers.Where(h => h.Family == "process-existing")];
        Tracepoints = handlers.Where(h => h.Family == "tracepoint")
            .GroupBy(h => h.Tracepoint!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new TracepointHandlers([.. g]), StringComparer.Ordinal);
        var sampled = handlers.Where(h => h.Family == "perf").GroupBy(PerfSampler.Of).ToList();
        Samplers = [.. sampled.Select(g => g.Key)];
        SampledHandlers = sampled.ToDictionary(g => g.Key.StreamName, g => new TracepointHandlers([.. g]), StringComparer.Ordinal);
    }

    /// <summary>The perf events to sample on every CPU, each once however many handlers it has.</summary>
    public IReadOnlyList<PerfSampler> Samplers { get; }

    /// <summary>The handlers of each perf event, keyed by its <see cref="PerfSampler.StreamName"/>.</summary>
    public IReadOnlyDictionary<string, TracepointHandlers> SampledHandlers { get; }

    /// <summary>Where each statement of the module is, for run-time errors.</summary>
    public IReadOnlyList<string> StatementLocations { get; }

    /// <summary>Handlers of a family no event source serves: the run refuses them rather than never running them.</summary>
    public IReadOnlyList<ProbeHandler> Unserved { get; }

    /// <summary>Every handler, in the module's order.</summary>
    public IReadOnlyList<ProbeHandler> All { get; }

    public IReadOnlyList<ProbeHandler> Begin { get; }
    public IReadOnlyList<ProbeHandler> End { get; }
    public IReadOnlyList<ProbeHandler> Error { get; }
    public IReadOnlyList<ProbeHandler> Timers { get; }
    public IReadOnlyList<ProbeHandler> Prometheus { get; }

    /// <summary>Handlers run once in each process that already runs when a live run starts (part of `process.begin`).</summary>
    public IReadOnlyList<ProbeHandler> ExistingProcesses { get; }

    /// <summary>The handlers of each tracepoint (`raw_syscalls:sys_exit`), keyed by that name.</summary>
    public IReadOnlyDictionary<string, TracepointHandlers> Tracepoints { get; }

    public static HandlerTable Of(ProbeModule module) => new(module);

    /// <summary>Begin and end probes run in priority order (`begin(-1)` first), ties in script order.</summary>
    private static ProbeHandler[] ByPriority(IReadOnlyList<ProbeHandler> handlers, string family) =>
        [.. handlers.Where(h => h.Family == family).OrderBy(h => h.Parameter)];
}
