using System.Text;

namespace Tapline.Runtime;

/// <summary>
/// The syscall tapsets' decoders of flag and constant arguments (`_sys_open_flag_str` and
/// the others), as stap's lookup tables give them: names joined by `|`, in the table's order,
/// and what no name covers in hex.
/// </summary>
public static class SyscallFlags
{
    private const int AtFdCwd = -100;
    private const long OpenAccessModes = 3;

    private static readonly (long Value, string Name)[] OpenFlags =
    [
        (0x40, "O_CREAT"), (0x80, "O_EXCL"), (0x100, "O_NOCTTY"), (0x200, "O_TRUNC"), (0x400, "O_APPEND"),
        (0x800, "O_NONBLOCK"), (0x101000, "O_SYNC"), (0x1000, "O_DSYNC"), (0x2000, "O_ASYNC"), (0x4000, "O_DIRECT"),
        (0x8000, "O_LARGEFILE"), (0x10000, "O_DIRECTORY"), (0x20000, "O_NOFOLLOW"), (0x40000, "O_NOATIME"),
        (0x80000, "O_CLOEXEC"), (0x200000, "O_PATH"),
    ];

    // R_OK, W_OK and X_OK are the kernel's MAY_READ, MAY_WRITE and MAY_EXEC.
    private static readonly (long Value, string Name)[] AccessModes = [(0, "F_OK"), (4, "R_OK"), (2, "W_OK"), (1, "X_OK")];

    private static readonly (long Value, string Name)[] WaitOptions =
    [
        (0x1, "WNOHANG"), (0x4, "WEXITED"), (0x2, "WSTOPPED"), (0x8, "WCONTINUED"), (0x1000000, "WNOWAIT"),
        (0x20000000, "__WNOTHREAD"), (0x40000000, "__WALL"), (0x80000000, "__WCLONE"),
    ];

    private static readonly (long Value, string Name)[] SeekWhence =
        [(0, "SEEK_SET"), (1, "SEEK_CUR"), (2, "SEEK_END"), (3, "SEEK_DATA"), (4, "SEEK_HOLE")];

    private static readonly (long Value, string Name)[] FcntlCommands =
    [
        (0, "F_DUPFD"), (1, "F_GETFD"), (2, "F_SETFD"), (3, "F_GETFL"), (4, "F_SETFL"), (5, "F_GETLK"), (6, "F_SETLK"),
        (7, "F_SETLKW"), (8, "F_SETOWN"), (9, "F_GETOWN"), (10, "F_SETSIG"), (11, "F_GETSIG"), (15, "F_SETOWN_EX"),
        (16, "F_GETOWN_EX"), (17, "F_GETOWNER_UIDS"), (1024, "F_SETLEASE"), (1025, "F_GETLEASE"), (1030, "F_DUPFD_CLOEXEC"),
        (1026, "F_NOTIFY"), (1031, "F_SETPIPE_SZ"), (1032, "F_GETPIPE_SZ"),
    ];

    // Each operation, then the same with FUTEX_PRIVATE_FLAG (128).
    private static readonly string[] FutexOperations =
    [
        "FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP", "FUTEX_LOCK_PI",
        "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI", "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI",
    ];

    /// <summary>`_seek_whence_str`: SEEK_SET ... SEEK_HOLE, or the value in hex.</summary>
    public static string Whence(long whence) => Name(SeekWhence, (uint)whence);

    /// <summary>`_fcntl_cmd_str`: F_DUPFD ..., or the value in hex.</summary>
    public static string FcntlCommand(long command) => Name(FcntlCommands, (uint)command);

    /// <summary>`_futex_op_str`: FUTEX_WAIT ... and their _PRIVATE forms, or the value in hex.</summary>
    public static string FutexOperation(long operation)
    {
        var value = (uint)operation;
        var (base_, suffix) = (value & 128) != 0 ? (value & ~128u, "_PRIVATE") : (value, "");
        return base_ < FutexOperations.Length ? FutexOperations[base_] + suffix : $"0x{value:x}";
    }

    /// <summary>`_dfd_str`: "AT_FDCWD", or the descriptor's number.</summary>
    public static string DirectoryDescriptor(long descriptor) =>
        (int)descriptor == AtFdCwd ? "AT_FDCWD" : ((int)descriptor).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>`_sys_open_flag_str`: the access mode, then the other flags.</summary>
    public static string Open(long flags)
    {
        var value = (int)flags;
        var access = (value & OpenAccessModes) switch
        {
            1 => "O_WRONLY",
            2 => "O_RDWR",
            _ => "O_RDONLY",
        };
        var rest = value & ~OpenAccessModes;
        return rest == 0 ? access : access + "|" + Names(OpenFlags, (uint)rest);
    }

    /// <summary>`_access_mode_str`: "F_OK", or the R_OK, W_OK and X_OK bits.</summary>
    public static string Access(long mode) => Names(AccessModes, (uint)mode);

    /// <summary>`_wait4_opt_str`: the wait options.</summary>
    public static string Wait(long options) => Names(WaitOptions, (uint)options);

    /// <summary>stap's `_stp_lookup_str`: the name of exactly this value, or the value in hex.</summary>
    private static string Name((long Value, string Name)[] table, long value) =>
        table.FirstOrDefault(entry => entry.Value == value).Name ?? $"0x{value:x}";

    /// <summary>
    /// stap's `_stp_lookup_or_str`: 0 is the name of 0 (or 0x0); otherwise each name whose bits
    /// any remain set takes them, in order, and the bits left are written in hex.
    /// </summary>
    private static string Names((long Value, string Name)[] table, long value)
    {
        if (value == 0)
            return table.FirstOrDefault(entry => entry.Value == 0).Name ?? "0x0";
        var text = new StringBuilder();
        foreach (var (bits, name) in table)
        {
            if ((bits & value) == 0)
                continue;
            text.Append(text.Length > 0 ? "|" : "").Append(name);
            value &= ~bits;
        }
        if (value != 0)
            text.Append(text.Length > 0 ? "|" : "").Append(System.Globalization.CultureInfo.InvariantCulture, $"0x{value:x}");
        return text.ToString();
    }
}
