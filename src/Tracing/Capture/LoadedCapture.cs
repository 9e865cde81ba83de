using Tapline.Tracing.Bpf;

namespace Tapline.Tracing.Capture;

/// <summary>
/// A capture program in the kernel: its two maps and the loaded program. Each CPU's bpf-output
/// event is entered into the output map; disposing closes the descriptors (the kernel frees the
/// program once the tracepoint's event that holds it is closed too).
/// </summary>
internal sealed class LoadedCapture : IDisposable
{
    private readonly List<BpfDescriptor> _descriptors = [];
    private BpfDescriptor _output = null!;

    private LoadedCapture(CaptureProgram capture) => Capture = capture;

    public CaptureProgram Capture { get; }

    public BpfDescriptor Program { get; private set; } = null!;

    /// <summary>The program that finishes waiting records at `raw_syscalls:sys_exit`, or null.</summary>
    public BpfDescriptor? Retry { get; private set; }

    /// <param name="cpuSlots">Entries of the output map: one more than the highest CPU number that runs the program.</param>
    public static LoadedCapture Load(CaptureProgram capture, int cpuSlots)
    {
        var loaded = new LoadedCapture(capture);
        try
        {
            var name = capture.Plan.Tracepoint.Split(':').Last();
            var buffer = loaded.Keep(BpfSystem.CreateMap(BpfMapType.PerCpuArray, 4, capture.BufferBytes, 1, "tl_buffer"));
            loaded._output = loaded.Keep(BpfSystem.CreateMap(BpfMapType.PerfEventArray, 4, 4, cpuSlots, "tl_output"));
            var maps = new Dictionary<string, int>
            {
                [CaptureProgram.BufferMap] = buffer.Fd,
                [CaptureProgram.OutputMap] = loaded._output.Fd,
            };
            if (capture.Retry is not null)
            {
                maps[CaptureProgram.PendingMap] = loaded.Keep(BpfSystem.CreateMap(BpfMapType.LruHash, 4, capture.BufferBytes, CaptureProgram.PendingEntries, "tl_pending")).Fd;
                maps[CaptureProgram.WaitingMap] = loaded.Keep(BpfSystem.CreateMap(BpfMapType.Array, 4, 8, 1, "tl_waiting")).Fd;
            }
            var attachType = capture.Plan.ProgramType == BpfProgramType.Probe ? BpfSystem.UprobeMultiAttach : 0;
            loaded.Program = loaded.Keep(BpfSystem.LoadProgram(capture.Plan.ProgramType, capture.Program.Encode(maps), "tl_" + name, attachType));
            if (capture.Retry is not null)
                loaded.Retry = loaded.Keep(BpfSystem.LoadProgram(BpfProgramType.Tracepoint, capture.Retry.Encode(maps), "tl_retry"));
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    /// <summary>Places the program (a uprobe program) at each offset of <paramref name="path"/> by one link, uprobe i with cookie i; closed before the program.</summary>
    public void AttachUprobes(string path, ulong[] offsets, ulong[] semaphores, bool returns)
    {
        var cookies = Enumerable.Range(0, offsets.Length).Select(i => (ulong)i).ToArray();
        _descriptors.Insert(0, BpfSystem.LinkUprobes(Program, path, offsets, semaphores, cookies, returns));
    }

    /// <summary>Records of CPU <paramref name="cpu"/> go to <paramref name="outputEventFd"/> (a bpf-output perf event on that CPU).</summary>
    public void AddCpu(int cpu, int outputEventFd) => BpfSystem.Update(_output, cpu, outputEventFd);

    private BpfDescriptor Keep(BpfDescriptor descriptor)
    {
        _descriptors.Add(descriptor);
        return descriptor;
    }

    public void Dispose()
    {
        foreach (var descriptor in _descriptors)
            descriptor.Dispose();
        _descriptors.Clear();
    }
}
