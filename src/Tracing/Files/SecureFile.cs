using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Tapline.Tracing.Files;

/// <summary>
/// Opening and creating files the way a program running as root must: a new file gets a
/// name nobody can predict and is created only if nothing (not even a symbolic link) is
/// there; an existing one is opened without following a link at its last component and
/// without blocking on a FIFO, and its status is read from what was opened, not from the path.
/// </summary>
public static class SecureFile
{
    private const uint OwnerOnly = 0x180; // 0600
    private const int MaxAttempts = 16;

    /// <summary>The effective user id of this process: the owner every trusted file must have.</summary>
    public static uint CurrentUserId => Perf.LibC.GetEffectiveUserId();

    /// <summary>
    /// Opens an existing file to read, not following a symbolic link at its last component and
    /// not blocking on a FIFO or device; null when nothing is there.
    /// </summary>
    public static (SafeFileHandle Handle, FileStatus Status)? OpenToRead(string path)
    {
        var fd = FileCalls.Open(path, FileCalls.ReadOnly | FileCalls.NoFollow | FileCalls.NonBlocking | FileCalls.NoControllingTerminal | FileCalls.CloseOnExec, 0);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == Errno.NoEntry)
                return null;
            throw error == Errno.LoopOfLinks ? new IOException("it is a symbolic link") : Errno.ToException(error);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            return (handle, FileStatus.Of(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates a new file, mode 0600 whatever the umask, in <paramref name="directory"/>, named
    /// <c>STEM.RANDOM.tmp</c>; O_CREAT|O_EXCL|O_NOFOLLOW, so a file or link planted there is never opened.
    /// </summary>
    public static (SafeFileHandle Handle, string Path) CreateUnique(string directory, string stem)
    {
        for (var attempt = 0; ; attempt++)
        {
            var path = Path.Combine(directory, $"{stem}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
            var fd = FileCalls.Open(path, FileCalls.WriteOnly | FileCalls.Create | FileCalls.Exclusive | FileCalls.NoFollow | FileCalls.CloseOnExec, OwnerOnly);
            if (fd < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == Errno.Exists && attempt < MaxAttempts)
                    continue;
                throw Errno.ToException(error);
            }
            var handle = new SafeFileHandle(fd, ownsHandle: true);
            if (FileCalls.FChmod(fd, OwnerOnly) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                handle.Dispose();
                File.Delete(path);
                throw Errno.ToException(error);
            }
            return (handle, path);
        }
    }

    /// <summary>
    /// Opens a file to write as a shell's <c>&gt;</c> does (created 0666 less the umask, truncated
    /// when regular, links followed), so a device, a FIFO or a link target stays what it is.
    /// </summary>
    public static SafeFileHandle OpenToWrite(string path)
    {
        var fd = FileCalls.Open(path, FileCalls.WriteOnly | FileCalls.Create | FileCalls.Truncate | FileCalls.NoControllingTerminal | FileCalls.CloseOnExec, 0x1b6);
        if (fd < 0)
            throw Errno.ToException(Marshal.GetLastPInvokeError());
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Creates a directory (and its missing parents) that only its owner may enter, whatever the umask.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
            return;
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
