using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Tapline.Tracing.Bpf;
using Tapline.Tracing.Capture;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;
using Tapline.Tracing.Perf;

namespace Tapline.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class LiveCaptureTests
{
    private const int OpenAt = 257;

    [LiveKernelFact]
    public void A_capture_program_copies_every_path_while_openat_fires()
    {
        const int count = 2000;
        var catalog = new TracefsCatalog(Tracefs.EnsureMounted());
        var format = catalog.Find(new TracepointName("raw_syscalls", "sys_enter"))!;
        var args = format.Fields.Single(f => f.Name == "args");
        var slot = new CaptureSlot("args[1]", args.Offset + 8, 256, "test");
        var plan = new CapturePlan(format.FullName, format.Id, format.Fields.Max(f => f.Offset + f.Size), format.Fields.Single(f => f.Name == "id").Offset,
            [new CaptureGroup(OpenAt, [slot])]);
        var capture = CaptureProgramWriter.Write(plan);
        var prefix = $"/nonexistent/tapline-capture-{Environment.ProcessId}";
        var handler = new Recorder();
        using (var source = LiveTraceSource.Open([new LiveTracepoint(new EventFormat(format), Capture: capture)], OnlineCpus.Read(), new LiveTraceOptions()))
        {
            source.Enable();
            using var workload = Process.Start(Workloads.Path("distinct_opens"), [count.ToString(), prefix]);
            while (!workload.HasExited)
                source.Pump(handler, 50);
            source.Pump(handler, 50);
            source.Disable();
            source.Drain(handler);
            Assert.Equal(0, source.LostEvents());
            var paths = handler.Paths.Where(p => p.Pid == workload.Id).Select(p => p.Path).Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => $"{prefix}-{i}"), paths);
        }
        Assert.Equal(0, LiveCollection.PerfDescriptors());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelFact]
    public void Every_path_a_short_lived_process_opens_is_printed_as_it_was_when_opened()
    {
        const int count = 100_000;
        var prefix = $"/nonexistent/tapline-paths-{Environment.ProcessId}";
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = TestPipeline.RunAll("probe syscall.openat { if (pid() == target()) printf(\"%s\\n\", filename) }", "paths.stp",
            new Passes.Pipeline.RunOptions { Command = $"{Workloads.Path("distinct_opens")} {count} {prefix}", Duration = TimeSpan.FromSeconds(120), BufferMegabytes = 64 },
            output, errors, cacheDirectory: LiveCollection.CacheDirectory);

        Assert.Equal(0, diagnostics.Count);
        var lost = System.Text.RegularExpressions.Regex.Match(errors.ToString(), @"Number of lost events: (\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
        Assert.Equal("", System.Text.RegularExpressions.Regex.Replace(errors.ToString(), @"WARNING: Number of lost events: \d+ .*\n", ""));
        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(prefix, StringComparison.Ordinal)).ToList();
        var expected = Enumerable.Range(0, count).Select(i => $"\"{prefix}-{i}\"").ToHashSet();
        Assert.All(printed, line => Assert.Contains(line, expected));
        Assert.Equal(printed.Count, printed.Distinct().Count());
        Assert.True(printed.Count >= count - lost, $"{count - printed.Count} paths missing, {lost} events reported lost");
        Assert.Equal(0, LiveCollection.PerfDescriptors());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelFact(needs: "strace")]
    public void The_paths_a_command_opens_are_those_strace_sees_even_where_a_page_was_not_yet_in_memory()
    {
        const string command = "cat /etc/hostname /etc/os-release";
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = TestPipeline.RunAll("probe syscall.openat { if (pid() == target()) printf(\"%s\\n\", filename) }", "openat.stp",
            new Passes.Pipeline.RunOptions { Command = command, Duration = TimeSpan.FromSeconds(60) }, output, errors, cacheDirectory: LiveCollection.CacheDirectory);
        var log = Path.Combine(Path.GetTempPath(), $"tapline-strace-{Environment.ProcessId}.txt");
        Workloads.Run("strace", ["-e", "trace=openat", "-o", log, .. command.Split(' ')]);
        var traced = File.ReadAllText(log);
        File.Delete(log);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("", errors.ToString());
        var expected = System.Text.RegularExpressions.Regex.Matches(traced, @"^openat\([^,]+, (""[^""]*"")", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, output.ToString().Split('\n').Where(l => l.StartsWith('"')).ToList());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelTheory]
    [InlineData("exit", "probe syscall.openat { if (pid() == target()) { println(filename); exit() } }", "true")]
    [InlineData("duration", "probe syscall.openat { if (filename == \"\") println(filename) }", null)]
    [InlineData("handler error", "global zero probe syscall.openat { println(filename, 1 / zero) }", "cat /etc/hostname")]
    [InlineData("command failure", "probe syscall.openat { if (pid() == target()) println(filename) }", "/nonexistent/tapline-no-command")]
    [InlineData("command exit", "probe syscall.openat { if (pid() == target()) println(filename) }", "cat /etc/hostname")]
    public void No_capture_program_or_map_outlives_a_run_however_it_ends(string ending, string script, string? command)
    {
        var diagnostics = TestPipeline.RunAll(script, ending.Replace(' ', '_') + ".stp",
            new Passes.Pipeline.RunOptions { Command = command, Duration = TimeSpan.FromSeconds(command is null ? 0.5 : 30) },
            new StringWriter(), new StringWriter(), cacheDirectory: LiveCollection.CacheDirectory);

        Assert.DoesNotContain(diagnostics, d => d.Id is "STP5016" or "STP3002");
        Assert.Equal(0, LiveCollection.PerfDescriptors());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelFact]
    public void An_interrupted_capturing_run_closes_its_programs_and_maps()
    {
        using var interrupt = new CancellationTokenSource();
        var output = new StringWriter();
        var run = Task.Run(() => TestPipeline.RunAll("probe syscall.openat { if (filename == \"\") println(filename) }", "interrupt.stp",
            new Passes.Pipeline.RunOptions(), output, new StringWriter(), interrupt.Token, LiveCollection.CacheDirectory));
        var waited = Stopwatch.StartNew();
        while (LiveCollection.BpfDescriptors() == 0 && !run.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(10);
        Assert.True(LiveCollection.BpfDescriptors() > 0, "the run holds no BPF descriptors while it runs");
        interrupt.Cancel();

        Assert.Equal(0, run.Result.Count);
        Assert.Equal(0, LiveCollection.PerfDescriptors());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelFact]
    public void A_program_the_verifier_refuses_carries_the_verifiers_own_reason()
    {
        // The first word of a tracepoint's record is the kernel's own: a program may not read it.
        var program = new BpfProgramBuilder().Load(BpfSize.Double, BpfRegister.R0, BpfRegister.R1, 0).Exit().Build();

        var error = Assert.Throws<BpfException>(() => BpfSystem.LoadProgram(BpfProgramType.Tracepoint, program.Encode(new Dictionary<string, int>()), "tl_refused"));

        Assert.StartsWith("loading BPF program 'tl_refused' failed: ", error.Message);
        Assert.Contains("invalid bpf_context access off=0 size=8", error.VerifierReason);
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelFact]
    public void A_uprobe_program_sends_every_call_with_its_arguments_in_the_registers()
    {
        const int count = 1000;
        var binary = Workloads.Path("uprobe_target");
        var add = Tapline.Tracing.Elf.ElfFunctions.Read(binary).Functions.Single(f => f.Name == "add");
        var format = Tapline.Tracing.Uprobes.UserRegisters.Format("add", 1);
        var plan = new CapturePlan(format.FullName, format.Id, Tapline.Tracing.Uprobes.UserRegisters.RecordSize, null, [new CaptureGroup(null, [])],
            ContextShift: Tapline.Tracing.Uprobes.UserRegisters.RecordShift, ProgramType: BpfProgramType.Probe);
        var eventFormat = new EventFormat(format);
        var seen = new List<(int Pid, long A, long B)>();
        var handler = new Handler(e => seen.Add((e.Pid, e.Format.ReadNumber(e.Raw, "di"), e.Format.ReadNumber(e.Raw, "si"))));
        using (var source = LiveTraceSource.Open([], [], OnlineCpus.Read(), new LiveTraceOptions(),
            [new LiveUprobe(binary, add.FileOffset, false, eventFormat, CaptureProgramWriter.Write(plan))]))
        {
            source.Enable();
            using var workload = Process.Start(binary, [count.ToString(), "/tmp/x"]);
            while (!workload.HasExited)
                source.Pump(handler, 50);
            source.Pump(handler, 50);
            source.Disable();
            source.Drain(handler);
            var calls = seen.Where(s => s.Pid == workload.Id).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => ((long)i, 2L * i)), calls.Select(c => (c.A, c.B)));
        }
        Assert.Equal(0, LiveCollection.PerfDescriptors());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    private sealed class Handler(Action<TraceEvent> handle) : ITraceEventHandler
    {
        public void Handle(in TraceEvent e) => handle(e);
    }

    private sealed class Recorder : ITraceEventHandler
    {
        public List<(int Pid, string Path)> Paths { get; } = [];

        public void Handle(in TraceEvent e)
        {
            if (e.CaptureStart == 0 || e.Format.ReadNumber(e.Raw, "id") != OpenAt)
                return;
            var address = e.Format.ReadNumber(e.Raw, "args", 1);
            Assert.True(CapturedMemory.TryFind(e.Raw, e.CaptureStart, address, out var captured), "no capture of the path's address");
            Paths.Add((e.Pid, captured.Faulted ? $"<fault {captured.Error}>" : Encoding.Latin1.GetString(captured.Text)));
        }
    }
}
