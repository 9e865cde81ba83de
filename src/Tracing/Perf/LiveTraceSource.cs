using System.Runtime.InteropServices;
using Tapline.Tracing.Events;

namespace Tapline.Tracing.Perf;

/// <summary>
/// Live tracepoints and sampled perf events: each opened on every online CPU, all of a CPU's
/// events writing into one ring (the side-band event's, which also carries COMM, FORK and
/// EXIT records), merged across CPUs in timestamp order. Disposing closes every descriptor.
/// </summary>
public sealed class LiveTraceSource : IDisposable
{
    private readonly List<PerfEvent> _events = [];
    private readonly List<PerfRing> _rings = [];
    private readonly List<PerfEvent> _sideBands = [];
    private readonly List<(PerfEvent Counter, EventFormat Format)> _counters = [];
    private readonly List<Capture.LoadedCapture> _captures = [];
    private readonly Dictionary<ulong, EventStream> _streams = [];
    private readonly LiveTraceOptions _options;
    private long?[] _nextTimes = [];
    private bool _enabled;
    private int _wakeFd = -1;

    private LiveTraceSource(LiveTraceOptions options) => _options = options;

    public RecordDecoder Decoder { get; private set; } = null!;

    public static LiveTraceSource Open(IReadOnlyList<LiveTracepoint> tracepoints, IReadOnlyList<int> cpus, LiveTraceOptions options) =>
        Open(tracepoints, [], cpus, options);

    public static LiveTraceSource Open(
        IReadOnlyList<LiveTracepoint> tracepoints, IReadOnlyList<LiveSampler> samplers, IReadOnlyList<int> cpus, LiveTraceOptions options,
        IReadOnlyList<LiveUprobe>? uprobes = null)
    {
        if (options.DataPages <= 0 || (options.DataPages & (options.DataPages - 1)) != 0)
            throw new ArgumentException($"a ring needs a power of two of data pages, not {options.DataPages}");
        var source = new LiveTraceSource(options);
        try
        {
            source.OpenAll(tracepoints, samplers, uprobes ?? [], cpus);
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private void OpenAll(IReadOnlyList<LiveTracepoint> tracepoints, IReadOnlyList<LiveSampler> samplers, IReadOnlyList<LiveUprobe> uprobes, IReadOnlyList<int> cpus)
    {
        var processes = new ProcessTable(live: true);
        var streams = _streams;
        var selfFilter = _options.ExcludeSelf ? SelfFilter() : null;
        var watermark = (uint)(_options.DataPages * Environment.SystemPageSize / 4);
        var captures = tracepoints.Where(t => t.Capture is not null)
            .ToDictionary(t => t, t => Keep(Capture.LoadedCapture.Load(t.Capture!, cpus.Max() + 1)));
        foreach (var cpu in cpus)
        {
            var sideBand = Track(PerfEvent.OpenOnCpu(SideBandAttribute(watermark), cpu, "the process-tracking event"));
            _rings.Add(new PerfRing(sideBand.Fd, _options.DataPages));
            _sideBands.Add(sideBand);
            streams[sideBand.Id()] = new EventStream(new SampleLayout(SampleType), null);
            foreach (var tracepoint in tracepoints)
            {
                var perfEvent = Track(PerfEvent.OpenOnCpu(TracepointAttribute(tracepoint.Format, watermark), cpu, tracepoint.Format.FullName));
                perfEvent.RedirectTo(sideBand);
                SetFilters(perfEvent, selfFilter, tracepoint, cpu);
                streams[perfEvent.Id()] = new EventStream(new SampleLayout(SampleType), tracepoint.Format);
                if (captures.TryGetValue(tracepoint, out var capture))
                    OpenCaptureOutput(capture, tracepoint.Format, perfEvent, sideBand, cpu, cpu == cpus[0], watermark);
            }
            foreach (var sampler in samplers)
            {
                var perfEvent = Track(PerfEvent.OpenOnCpu(SamplerAttribute(sampler, watermark), cpu, sampler.Description));
                perfEvent.RedirectTo(sideBand);
                streams[perfEvent.Id()] = new EventStream(new SampleLayout(SampleType), sampler.Format);
            }
        }
        // Programs the same but for their format's name are one program on one link.
        foreach (var group in uprobes.GroupBy(u => (u.Path, u.IsReturn, Code: string.Join(' ', u.Capture.Program.Instructions))))
            OpenUprobes([.. group], cpus, watermark);
        _wakeFd = LibC.EventFd(0, LibC.EventFdCloseOnExec | LibC.EventFdNonBlocking);
        if (_wakeFd < 0)
            throw new PerfException("eventfd", Marshal.GetLastPInvokeError());
        Decoder = new RecordDecoder(streams, processes, _options.ExcludeSelf ? Environment.ProcessId : -1);
        _nextTimes = new long?[_rings.Count];
    }

    /// <summary>
    /// Uprobes of one file and kind whose programs are the same: one program, placed at every
    /// offset by one uprobe-multi link (each uprobe's cookie is its place in the group, which the
    /// program writes as the record's type), sending through each CPU's bpf-output event; the
    /// stream tells the uprobes' formats apart by that type.
    /// </summary>
    private void OpenUprobes(IReadOnlyList<LiveUprobe> group, IReadOnlyList<int> cpus, uint watermark)
    {
        var first = group[0];
        var capture = Keep(Capture.LoadedCapture.Load(first.Capture, cpus.Max() + 1));
        capture.AttachUprobes(first.Path, [.. group.Select(u => u.Offset)], [.. group.Select(u => u.SemaphoreOffset ?? 0)], first.IsReturn);
        for (var i = 0; i < cpus.Count; i++)
            OpenOutput(capture, _sideBands[i], cpus[i], watermark, first.Format, [.. group.Select(u => u.Format)]);
    }

    /// <summary>
    /// The bpf-output event through which a capture program sends CPU <paramref name="cpu"/>'s
    /// records into that CPU's ring, under the tracepoint's format. The program is attached
    /// once, to the first CPU's event: the kernel runs it for the tracepoint's hits on every CPU.
    /// </summary>
    private void OpenCaptureOutput(
        Capture.LoadedCapture capture, EventFormat format, PerfEvent tracepoint, PerfEvent sideBand, int cpu, bool attach, uint watermark)
    {
        OpenOutput(capture, sideBand, cpu, watermark, format, formatsByType: null);
        if (!attach)
            return;
        tracepoint.AttachProgram(capture.Program);
        if (capture.Retry is not null)
        {
            // The exit program needs an event of sys_exit to hang on; this one samples nothing.
            var exit = Track(PerfEvent.OpenOnCpu(new PerfEventAttribute
            {
                Type = PerfEventAttribute.TypeTracepoint,
                Config = (ulong)capture.Capture.Plan.RetryTypeId!.Value,
                ReadFormat = PerfEventAttribute.FormatLost,
                Flags = (ulong)PerfAttributeFlags.Disabled,
            }, cpu, "raw_syscalls:sys_exit (capture retry)"));
            exit.AttachProgram(capture.Retry);
        }
    }

    /// <summary>
    /// A capture program's bpf-output event on <paramref name="cpu"/>, writing into that CPU's
    /// ring, and the stream its records come under (<paramref name="formatsByType"/>: a uprobe
    /// link's formats, picked by each record's type).
    /// </summary>
    private void OpenOutput(
        Capture.LoadedCapture capture, PerfEvent sideBand, int cpu, uint watermark, EventFormat format, IReadOnlyList<EventFormat>? formatsByType)
    {
        var output = Track(PerfEvent.OpenOnCpu(CaptureOutputAttribute(watermark), cpu, format.FullName + " (capture output)"));
        output.RedirectTo(sideBand);
        capture.AddCpu(cpu, output.Fd);
        _streams[output.Id()] = new EventStream(new SampleLayout(SampleType), format)
        {
            CaptureStart = capture.Capture.Plan.SlotsStart,
            FormatsByType = formatsByType,
        };
    }

    /// <summary>
    /// The self filter and the handlers' own condition. When the kernel refuses the condition
    /// (it is an optimization) the events come unfiltered; a counting event beside a filtered
    /// one tells how many the filter dropped.
    /// </summary>
    private void SetFilters(PerfEvent perfEvent, string? selfFilter, LiveTracepoint tracepoint, int cpu)
    {
        if (tracepoint.Filter is not null)
        {
            try
            {
                perfEvent.SetFilter(Combine(selfFilter, tracepoint.Filter)!);
                var counting = TracepointAttribute(tracepoint.Format, 0) with { SamplePeriod = 0, SampleType = 0, ReadFormat = 0, Flags = (ulong)PerfAttributeFlags.Disabled };
                _counters.Add((Track(PerfEvent.OpenOnCpu(counting, cpu, tracepoint.Format.FullName + " (counting)")), tracepoint.Format));
                return;
            }
            catch (PerfException)
            {
                RefusedFilters.Add(tracepoint.Filter);
            }
        }
        if (selfFilter is not null)
            perfEvent.SetFilter(selfFilter);
    }

    /// <summary>Handler conditions the kernel would not take as filters (their events came unfiltered).</summary>
    public HashSet<string> RefusedFilters { get; } = [];

    /// <summary>
    /// Events of filtered tracepoints the kernel dropped (every hit counted, less those that
    /// reached the rings; lost events make it an overestimate). Read after <see cref="Disable"/>.
    /// </summary>
    public long KernelFilteredEvents()
    {
        var counted = _counters.Sum(c => c.Counter.ReadCount());
        var formats = _counters.Select(c => c.Format).ToHashSet();
        // A captured event is sent by its program in place of the kernel's sample, which it neither filters nor counts.
        var reached = _streams.Values.Where(s => s.Format is not null && s.CaptureStart == 0 && formats.Contains(s.Format)).Sum(s => s.Samples);
        return Math.Max(0, counted - reached);
    }

    /// <summary>
    /// Every record the kernel dropped because a ring was full: the events' own lost counters
    /// (which also hold what was lost while a ring stayed full to the end, never reported by a
    /// PERF_RECORD_LOST), or the LOST records read, whichever says more. Read after <see cref="Drain"/>.
    /// </summary>
    public long LostEvents()
    {
        var counters = _counters.Select(c => c.Counter).ToHashSet();
        var counted = _events.Where(e => !counters.Contains(e)).Sum(e => e.ReadLost());
        return Math.Max(counted, Decoder.LostEvents);
    }

    /// <summary>Starts delivery: every event is enabled after every ring exists, so no CPU starts early.</summary>
    /// <summary>
    /// Starts the kernel writing, then reads every process from /proc: a thread started before
    /// then is in /proc, one started after has its FORK record, so none is missed.
    /// </summary>
    public void Enable()
    {
        foreach (var perfEvent in _events)
            perfEvent.Enable();
        _enabled = true;
        Decoder.Processes.LoadFrom();
    }

    /// <summary>Stops the kernel writing; what is in the rings can still be read with <see cref="Drain"/>.</summary>
    public void Disable()
    {
        if (!_enabled)
            return;
        foreach (var perfEvent in _events)
            perfEvent.Disable();
        _enabled = false;
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> for a ring to pass its watermark, then
    /// hands the handler every record that can no longer be preceded by another; returns how many.
    /// </summary>
    public int Pump(ITraceEventHandler handler, int timeoutMilliseconds)
    {
        WaitForWatermark(timeoutMilliseconds);
        return Merge(handler, Clocks.MonotonicNanoseconds - _options.ReorderMarginNanoseconds);
    }

    /// <summary>After <see cref="Disable"/>: everything left in the rings, in order.</summary>
    public int Drain(ITraceEventHandler handler) => Merge(handler, long.MaxValue);

    /// <summary>Ends the current wait at once (from any thread): a scrape is waiting, say.</summary>
    public unsafe void Wake()
    {
        lock (_events)
        {
            ulong one = 1;
            if (_wakeFd >= 0)
                LibC.Write(_wakeFd, &one, sizeof(ulong));
        }
    }

    private unsafe void WaitForWatermark(int timeoutMilliseconds)
    {
        var count = _rings.Count + 1;
        var descriptors = stackalloc LibC.PollDescriptor[count];
        for (var i = 0; i < _rings.Count; i++)
            descriptors[i] = new LibC.PollDescriptor { Fd = _rings[i].Fd, Events = LibC.PollIn };
        descriptors[_rings.Count] = new LibC.PollDescriptor { Fd = _wakeFd, Events = LibC.PollIn };
        if (LibC.Poll(descriptors, (nuint)count, timeoutMilliseconds) < 0 && Marshal.GetLastPInvokeError() != LibC.EINTR)
            throw new PerfException("poll of the perf rings", Marshal.GetLastPInvokeError());
        ulong wakes;
        LibC.Read(_wakeFd, &wakes, sizeof(ulong)); // resets the count; EAGAIN when nobody woke us
    }

    /// <summary>A k-way merge of the CPUs' rings, each already in time order.</summary>
    private int Merge(ITraceEventHandler handler, long cutoff)
    {
        foreach (var ring in _rings)
            ring.Refresh();
        var delivered = 0;
        while (true)
        {
            var earliest = -1;
            var anyEmpty = false;
            for (var i = 0; i < _rings.Count; i++)
            {
                if (!_rings[i].HasRecord)
                {
                    anyEmpty = true;
                    continue;
                }
                _nextTimes[i] ??= Decoder.TimeOf(_rings[i].Peek());
                if (earliest < 0 || _nextTimes[i] < _nextTimes[earliest])
                    earliest = i;
            }
            if (earliest < 0 || (anyEmpty && _nextTimes[earliest] > cutoff))
                break;
            Decoder.Deliver(_rings[earliest].Peek(), handler);
            _rings[earliest].Skip();
            _nextTimes[earliest] = null;
            delivered++;
        }
        foreach (var ring in _rings)
            ring.Release();
        return delivered;
    }

    private const ulong SampleType = (ulong)(SampleFormat.Identifier | SampleFormat.Tid | SampleFormat.Time | SampleFormat.Cpu | SampleFormat.Raw);

    private static PerfEventAttribute TracepointAttribute(EventFormat format, uint watermark) =>
        SamplingAttribute(PerfEventAttribute.TypeTracepoint, (ulong)format.Format.Id, 1, watermark);

    private static PerfEventAttribute SamplerAttribute(LiveSampler sampler, uint watermark) =>
        SamplingAttribute(sampler.Type, sampler.Config, (ulong)sampler.Period, watermark);

    /// <summary>The bpf-output event a capture program sends its records through.</summary>
    private static PerfEventAttribute CaptureOutputAttribute(uint watermark) =>
        SamplingAttribute(PerfEventAttribute.TypeSoftware, PerfEventAttribute.SoftwareBpfOutput, 1, watermark);

    /// <summary>An event that samples into a ring: every sample with the same fields, on CLOCK_MONOTONIC, disabled until the run starts.</summary>
    private static PerfEventAttribute SamplingAttribute(uint type, ulong config, ulong period, uint watermark) => new()
    {
        Type = type,
        Config = config,
        SamplePeriod = period,
        SampleType = SampleType,
        ReadFormat = PerfEventAttribute.FormatLost,
        Flags = (ulong)(PerfAttributeFlags.Disabled | PerfAttributeFlags.Watermark | PerfAttributeFlags.SampleIdAll | PerfAttributeFlags.UseClockId),
        WakeupWatermark = watermark,
        ClockId = Clocks.Monotonic,
    };

    private static PerfEventAttribute SideBandAttribute(uint watermark) => new()
    {
        Type = PerfEventAttribute.TypeSoftware,
        Config = PerfEventAttribute.SoftwareDummy,
        SamplePeriod = 1,
        SampleType = SampleType,
        ReadFormat = PerfEventAttribute.FormatLost,
        Flags = (ulong)(PerfAttributeFlags.Disabled | PerfAttributeFlags.Watermark | PerfAttributeFlags.SampleIdAll |
            PerfAttributeFlags.UseClockId | PerfAttributeFlags.Comm | PerfAttributeFlags.CommExec | PerfAttributeFlags.Task |
            PerfAttributeFlags.Mmap),
        WakeupWatermark = watermark,
        ClockId = Clocks.Monotonic,
    };

    /// <summary>`common_pid != T` for each of this process's threads as the run starts.</summary>
    private static string SelfFilter() => string.Join(" && ",
        Directory.EnumerateDirectories("/proc/self/task").Select(Path.GetFileName).Order().Select(tid => $"common_pid != {tid}"));

    private static string? Combine(string? first, string? second) =>
        first is null ? second : second is null ? first : $"({first}) && ({second})";

    private Capture.LoadedCapture Keep(Capture.LoadedCapture capture)
    {
        _captures.Add(capture);
        return capture;
    }

    private PerfEvent Track(PerfEvent perfEvent)
    {
        _events.Add(perfEvent);
        return perfEvent;
    }

    public void Dispose()
    {
        foreach (var ring in _rings)
            ring.Dispose();
        _rings.Clear();
        _sideBands.Clear();
        foreach (var perfEvent in _events)
            perfEvent.Dispose();
        _events.Clear();
        foreach (var capture in _captures)
            capture.Dispose();
        _captures.Clear();
        lock (_events)
        {
            if (_wakeFd >= 0)
                LibC.Close(_wakeFd);
            _wakeFd = -1;
        }
    }
}
