using System.Runtime.InteropServices;

namespace Tapline.Tracing.Perf;

/// <summary>One perf event descriptor and the ioctls Tapline uses on it.</summary>
internal sealed unsafe class PerfEvent : IDisposable
{
    private const ulong FlagCloseOnExec = 8;
    private const ulong IocEnable = 0x2400;
    private const ulong IocDisable = 0x2401;
    private const ulong IocSetOutput = 0x2405;
    private const ulong IocSetFilter = 0x40082406;
    private const ulong IocId = 0x80082407;
    private const ulong IocSetBpf = 0x40042408;

    private PerfEvent(int fd) => Fd = fd;

    public int Fd { get; private set; }

    /// <summary>Opens an event counting every process on one CPU (pid -1).</summary>
    public static PerfEvent OpenOnCpu(PerfEventAttribute attribute, int cpu, string what)
    {
        attribute.AttributeSize = PerfEventAttribute.Size;
        var fd = LibC.PerfEventOpen(LibC.SysPerfEventOpen, &attribute, -1, cpu, -1, FlagCloseOnExec);
        return fd >= 0 ? new PerfEvent(fd) : throw new PerfException($"perf_event_open of {what} on CPU {cpu}", Marshal.GetLastPInvokeError(),
            tracepoint: attribute.Type == PerfEventAttribute.TypeTracepoint);
    }

    public ulong Id()
    {
        ulong id;
        Check(LibC.Ioctl(Fd, IocId, (nint)(&id)), "PERF_EVENT_IOC_ID");
        return id;
    }

    /// <summary>Sends this event's records into <paramref name="ring"/>'s buffer (same CPU, same clock).</summary>
    public void RedirectTo(PerfEvent ring) => Check(LibC.Ioctl(Fd, IocSetOutput, ring.Fd), "PERF_EVENT_IOC_SET_OUTPUT");

    /// <summary>
    /// Attaches a tracepoint program. The kernel keeps it with the tracepoint, not the event: it
    /// runs for the tracepoint's hits on every CPU until this event is closed.
    /// </summary>
    public void AttachProgram(Bpf.BpfDescriptor program) => Check(LibC.Ioctl(Fd, IocSetBpf, program.Fd), "PERF_EVENT_IOC_SET_BPF");

    /// <summary>A tracepoint filter in ftrace's syntax (`common_pid != 12 && ret < 0`), applied in the kernel.</summary>
    public void SetFilter(string filter)
    {
        var text = Marshal.StringToCoTaskMemUTF8(filter);
        try
        {
            if (LibC.Ioctl(Fd, IocSetFilter, text) != 0)
                throw new PerfException($"the kernel refused the filter '{filter}': {LibC.ErrorText(Marshal.GetLastPInvokeError())}");
        }
        finally
        {
            Marshal.FreeCoTaskMem(text);
        }
    }

    /// <summary>The value of a counting event (one opened with no sample period).</summary>
    public long ReadCount()
    {
        long count;
        return LibC.Read(Fd, &count, sizeof(long)) == sizeof(long) ? count : throw new PerfException("read of a perf counter", Marshal.GetLastPInvokeError());
    }

    /// <summary>
    /// How many records the kernel could not write for this event because its ring was full
    /// (read_format PERF_FORMAT_LOST: the value, then the lost count). Exact, and includes what
    /// no PERF_RECORD_LOST ever reported (losses while the ring was still full at the end).
    /// </summary>
    public long ReadLost()
    {
        var values = stackalloc long[2];
        return LibC.Read(Fd, values, 2 * sizeof(long)) == 2 * sizeof(long)
            ? values[1]
            : throw new PerfException("read of a perf event's lost count", Marshal.GetLastPInvokeError());
    }

    public void Enable() => Check(LibC.Ioctl(Fd, IocEnable, 0), "PERF_EVENT_IOC_ENABLE");

    public void Disable() => Check(LibC.Ioctl(Fd, IocDisable, 0), "PERF_EVENT_IOC_DISABLE");

    private static void Check(int result, string operation)
    {
        if (result != 0)
            throw new PerfException(operation, Marshal.GetLastPInvokeError());
    }

    public void Dispose()
    {
        if (Fd < 0)
            return;
        LibC.Close(Fd);
        Fd = -1;
    }
}
