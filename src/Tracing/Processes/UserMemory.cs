using System.Runtime.InteropServices;
using System.Text;
using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Processes;

/// <summary>Reads a live process's memory with process_vm_readv, as `user_string` needs.</summary>
public static unsafe class UserMemory
{
    /// <summary>The NUL-terminated text at <paramref name="address"/>, at most <paramref name="maxLength"/> bytes.</summary>
    public static string ReadString(int pid, long address, int maxLength = 512)
    {
        var buffer = stackalloc byte[maxLength];
        var read = 0;
        while (read < maxLength)
        {
            // Read up to the next page boundary at a time: a string may end just before an unmapped page.
            var pageLeft = 4096 - (int)((address + read) & 4095);
            var chunk = Math.Min(pageLeft, maxLength - read);
            var local = new LibC.IoVector { Base = (nint)(buffer + read), Length = (nuint)chunk };
            var remote = new LibC.IoVector { Base = (nint)(address + read), Length = (nuint)chunk };
            var got = (int)LibC.ProcessVmReadv(pid, &local, 1, &remote, 1, 0);
            if (got <= 0)
            {
                var error = Marshal.GetLastPInvokeError();
                throw new InvalidOperationException($"user string copy fault at 0x{address:x} of process {pid}: {LibC.ErrorText(error)}");
            }
            var end = new ReadOnlySpan<byte>(buffer + read, got).IndexOf((byte)0);
            if (end >= 0)
                return Encoding.Latin1.GetString(buffer, read + end);
            read += got;
        }
        return Encoding.Latin1.GetString(buffer, maxLength);
    }
}
