using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Bpf;

/// <summary>A map's or program's descriptor (close-on-exec, as `bpf()` makes them); disposing closes it, and the kernel frees the object with its last reference.</summary>
public sealed class BpfDescriptor(int fd, string what) : IDisposable
{
    public int Fd { get; private set; } = fd;

    public string What { get; } = what;

    public void Dispose()
    {
        if (Fd < 0)
            return;
        LibC.Close(Fd);
        Fd = -1;
    }
}
