using System.Diagnostics;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;
using Tapline.Tracing.Perf;

namespace Tapline.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class LiveTraceSourceTests
{
    private const int OpenAt = 257;
    private const long NoSuchFile = -2;

    [LiveKernelFact]
    public void Counts_every_failing_openat_of_a_workload_in_time_order_with_its_name()
    {
        const int count = 500;
        var catalog = new TracefsCatalog(Tracefs.EnsureMounted());
        var sysExit = new EventFormat(catalog.Find(new TracepointName("raw_syscalls", "sys_exit"))!);
        var handler = new Recorder();
        using (var source = LiveTraceSource.Open([new LiveTracepoint(sysExit)], OnlineCpus.Read(), new LiveTraceOptions()))
        {
            handler.Processes = source.Decoder.Processes;
            source.Enable();
            using var workload = Process.Start(Workloads.Path("failing_open"), [count.ToString(), "/nonexistent/tapline-test"]);
            while (!workload.HasExited)
                source.Pump(handler, 50);
            source.Pump(handler, 50);
            source.Disable();
            source.Drain(handler);
            Assert.Equal(0, source.Decoder.LostEvents);

            var failures = handler.Events.Where(e => e.Pid == workload.Id && e.Id == OpenAt && e.Ret == NoSuchFile).ToList();
            Assert.Equal(count, failures.Count);
            Assert.All(failures, e => Assert.Equal("failing_open-", e.Name[..13]));
        }
        Assert.True(handler.Events.Zip(handler.Events.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time), "events out of time order");
        Assert.DoesNotContain(handler.Events, e => e.Pid == Environment.ProcessId);
    }

    [LiveKernelFact]
    public void A_condition_the_kernel_refuses_as_a_filter_leaves_the_events_unfiltered_and_no_descriptor_open()
    {
        var catalog = new TracefsCatalog(Tracefs.EnsureMounted());
        var sysExit = new EventFormat(catalog.Find(new TracepointName("raw_syscalls", "sys_exit"))!);

        using (var source = LiveTraceSource.Open([new LiveTracepoint(sysExit, "no_such_field == 1")], OnlineCpus.Read(), new LiveTraceOptions()))
        {
            Assert.Equal(["no_such_field == 1"], source.RefusedFilters);
            Assert.True(LiveCollection.PerfDescriptors() > 0);
        }
        Assert.Equal(0, LiveCollection.PerfDescriptors());
    }

    [LiveKernelFact]
    public void A_pushed_down_condition_drops_events_in_the_kernel_and_says_how_many()
    {
        var catalog = new TracefsCatalog(Tracefs.EnsureMounted());
        var sysExit = new EventFormat(catalog.Find(new TracepointName("raw_syscalls", "sys_exit"))!);
        var handler = new Recorder();
        using var source = LiveTraceSource.Open([new LiveTracepoint(sysExit, "ret < 0")], OnlineCpus.Read(), new LiveTraceOptions());
        handler.Processes = source.Decoder.Processes;
        source.Enable();
        using (var workload = Process.Start(Workloads.Path("failing_open"), ["300", "/nonexistent/tapline-filter"]))
        {
            while (!workload.HasExited)
                source.Pump(handler, 50);
        }
        source.Pump(handler, 50);
        source.Disable();
        source.Drain(handler);

        Assert.Empty(source.RefusedFilters);
        Assert.All(handler.Events, e => Assert.True(e.Ret < 0));
        Assert.True(handler.Events.Count(e => e.Id == OpenAt && e.Ret == NoSuchFile) >= 300);
        Assert.True(source.KernelFilteredEvents() > 0, "the workload's successful syscalls were not dropped in the kernel");
    }

    private sealed record Seen(long Time, int Pid, long Id, long Ret, string Name);

    private sealed class Recorder : ITraceEventHandler
    {
        public List<Seen> Events { get; } = [];
        public ProcessTable? Processes { get; set; }

        public void Handle(in TraceEvent e) =>
            Events.Add(new Seen(e.Time, e.Pid, e.Format.ReadNumber(e.Raw, "id"), e.Format.ReadNumber(e.Raw, "ret"), Processes!.NameOf(e.Tid)));
    }
}
