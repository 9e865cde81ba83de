using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tapline.Tracing.Files;

/// <summary>
/// A write-only stream straight onto a file descriptor with write(2): the descriptor's own
/// offset moves (so a shell's `(tapline; echo) > f` keeps both), and every error, a broken
/// pipe included, is an <see cref="IOException"/> whose HResult is the errno.
/// </summary>
public sealed unsafe class DescriptorStream(SafeFileHandle handle) : Stream
{
    public const int BrokenPipe = 32;

    /// <summary>
    /// Standard output, or an exception saying it is closed: not open, or open only to read
    /// (the runtime may have taken descriptor 1 for a pipe of its own when the caller closed it).
    /// </summary>
    public static DescriptorStream StandardOutput()
    {
        var flags = FileCalls.Fcntl(1, FileCalls.GetFlags, 0);
        if (flags < 0 || (flags & 3) == FileCalls.ReadOnly)
            throw new IOException("it is closed");
        return new DescriptorStream(new SafeFileHandle(1, ownsHandle: false));
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            var fd = (int)handle.DangerousGetHandle();
            fixed (byte* start = buffer)
            {
                var done = 0;
                while (done < buffer.Length)
                {
                    var written = Perf.LibC.Write(fd, start + done, (nuint)(buffer.Length - done));
                    if (written >= 0)
                    {
                        done += (int)written;
                        continue;
                    }
                    var error = Marshal.GetLastPInvokeError();
                    if (error != Perf.LibC.EINTR)
                        throw new IOException(Perf.LibC.ErrorText(error), error);
                }
            }
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            handle.Dispose();
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
