using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tapline.Tracing.Files;

/// <summary>What the kernel says of one file (statx): its type, owner, permission bits and size.</summary>
public readonly record struct FileStatus(FileKind Kind, uint OwnerId, UnixFileMode Mode, long Size)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint BasicStats = 0x7ff;
    private const int StructSize = 256;

    /// <summary>True when a user other than the owner may change the file: a group or other write bit.</summary>
    public bool WritableByOthers => (Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;

    /// <summary>The status of what <paramref name="path"/> names, or null when it does not exist.</summary>
    public static FileStatus? OfPath(string path, bool followLinks)
    {
        var flags = followLinks ? 0 : AtSymlinkNoFollow;
        return Read(AtFdCwd, path, flags, out var error) ?? (error == Errno.NoEntry ? null : throw Errno.ToException(error));
    }

    /// <summary>The status of an open file.</summary>
    public static FileStatus Of(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return Read((int)handle.DangerousGetHandle(), "", AtEmptyPath, out var error)
                ?? throw Errno.ToException(error);
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    private static unsafe FileStatus? Read(int directory, string path, int flags, out int error)
    {
        var buffer = stackalloc byte[StructSize];
        if (FileCalls.Statx(directory, path, flags, BasicStats, buffer) != 0)
        {
            error = Marshal.GetLastPInvokeError();
            return null;
        }
        error = 0;
        var bytes = new ReadOnlySpan<byte>(buffer, StructSize);
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]);
        return new FileStatus(
            KindOf(mode),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]),
            (UnixFileMode)(mode & 0xfff),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]));
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xf000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xa000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xc000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };
}
