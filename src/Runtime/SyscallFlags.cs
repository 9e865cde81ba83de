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

    private static readonly (long Value, string Name)[] Protections =
    [
        (0, "PROT_NONE"), (0x1, "PROT_READ"), (0x2, "PROT_WRITE"), (0x4, "PROT_EXEC"), (0x8, "PROT_SEM"),
        (0x01000000, "PROT_GROWSDOWN"), (0x02000000, "PROT_GROWSUP"),
    ];

    private static readonly (long Value, string Name)[] MapFlags =
    [
        (0x1, "MAP_SHARED"), (0x2, "MAP_PRIVATE"), (0x10, "MAP_FIXED"), (0x20, "MAP_ANONYMOUS"), (0x100, "MAP_GROWSDOWN"),
        (0x800, "MAP_DENYWRITE"), (0x1000, "MAP_EXECUTABLE"), (0x2000, "MAP_LOCKED"), (0x4000, "MAP_NORESERVE"),
        (0x8000, "MAP_POPULATE"), (0x10000, "MAP_NONBLOCK"), (0x20000, "MAP_STACK"), (0x40000, "MAP_HUGETLB"),
        (0x4000000, "MAP_UNINITIALIZED"), (0x40, "MAP_32BIT"),
    ];

    private const int MapHugeShift = 26;
    private const long MapHugeMask = 0x3f;

    // PF_ROUTE is PF_NETLINK's other name: the first name of a value is the one shown.
    private static readonly (long Value, string Name)[] SocketFamilies =
    [
        (0, "PF_UNSPEC"), (1, "PF_LOCAL"), (2, "PF_INET"), (3, "PF_AX25"), (4, "PF_IPX"), (5, "PF_APPLETALK"), (6, "PF_NETROM"),
        (7, "PF_BRIDGE"), (8, "PF_ATMPVC"), (9, "PF_X25"), (10, "PF_INET6"), (11, "PF_ROSE"), (12, "PF_DECnet"), (13, "PF_NETBEUI"),
        (14, "PF_SECURITY"), (15, "PF_KEY"), (16, "PF_NETLINK"), (17, "PF_PACKET"), (18, "PF_ASH"), (19, "PF_ECONET"),
        (20, "PF_ATMSVC"), (21, "PF_RDS"), (22, "PF_SNA"), (23, "PF_IRDA"), (24, "PF_PPPOX"), (25, "PF_WANPIPE"), (26, "PF_LLC"),
        (27, "PF_IB"), (29, "PF_CAN"), (30, "PF_TIPC"), (31, "PF_BLUETOOTH"), (32, "PF_IUCV"), (33, "PF_RXRPC"), (34, "PF_ISDN"),
        (35, "PF_PHONET"), (36, "PF_IEEE802154"), (37, "PF_CAIF"), (38, "PF_ALG"), (39, "PF_NFC"), (40, "PF_VSOCK"),
    ];

    private static readonly (long Value, string Name)[] SocketTypes =
        [(1, "SOCK_STREAM"), (2, "SOCK_DGRAM"), (3, "SOCK_RAW"), (4, "SOCK_RDM"), (5, "SOCK_SEQPACKET"), (6, "SOCK_DCCP"), (10, "SOCK_PACKET")];

    private const int SocketTypeMask = 0xf;
    private const int SocketCloseOnExec = 0x80000;
    private const int SocketNonBlocking = 0x800;

    private static readonly (long Value, string Name)[] InternetProtocols =
    [
        (0, "IPPROTO_IP"), (1, "IPPROTO_ICMP"), (2, "IPPROTO_IGMP"), (4, "IPPROTO_IPIP"), (6, "IPPROTO_TCP"), (8, "IPPROTO_EGP"),
        (12, "IPPROTO_PUP"), (17, "IPPROTO_UDP"), (22, "IPPROTO_IDP"), (29, "IPPROTO_TP"), (33, "IPPROTO_DCCP"), (41, "IPPROTO_IPV6"),
        (46, "IPPROTO_RSVP"), (47, "IPPROTO_GRE"), (50, "IPPROTO_ESP"), (51, "IPPROTO_AH"), (92, "IPPROTO_MTP"), (98, "IPPROTO_ENCAP"),
        (103, "IPPROTO_PIM"), (108, "IPPROTO_COMP"), (132, "IPPROTO_SCTP"), (136, "IPPROTO_UDPLITE"), (255, "IPPROTO_RAW"),
    ];

    private static readonly (long Value, string Name)[] CloneFlags =
    [
        (0x100, "CLONE_VM"), (0x200, "CLONE_FS"), (0x400, "CLONE_FILES"), (0x800, "CLONE_SIGHAND"), (0x2000, "CLONE_PTRACE"),
        (0x4000, "CLONE_VFORK"), (0x8000, "CLONE_PARENT"), (0x10000, "CLONE_THREAD"), (0x20000, "CLONE_NEWNS"),
        (0x40000, "CLONE_SYSVSEM"), (0x80000, "CLONE_SETTLS"), (0x100000, "CLONE_PARENT_SETTID"), (0x200000, "CLONE_CHILD_CLEARTID"),
        (0x400000, "CLONE_DETACHED"), (0x800000, "CLONE_UNTRACED"), (0x1000000, "CLONE_CHILD_SETTID"), (0x4000000, "CLONE_NEWUTS"),
        (0x8000000, "CLONE_NEWIPC"), (0x10000000, "CLONE_NEWUSER"), (0x20000000, "CLONE_NEWPID"), (0x40000000, "CLONE_NEWNET"),
        (0x80000000, "CLONE_IO"),
    ];

    private const long CloneSignalMask = 0xff;

    /// <summary>`__fork_flags`: the CLONE_ bits (0x0 when none), then `|` and the exit signal when there is one.</summary>
    public static string Clone(long flags)
    {
        var names = Names(CloneFlags, flags & ~CloneSignalMask);
        return (flags & CloneSignalMask) == 0 ? names : names + "|" + Signals.Name(flags & CloneSignalMask);
    }

    /// <summary>`_dup3_flag_str`: the open flags dup3 takes (O_CLOEXEC), or the value in hex.</summary>
    public static string Dup3(long flags) => Names(OpenFlags, (uint)flags);

    /// <summary>`_mprotect_prot_str`: PROT_NONE, or the PROT_ bits.</summary>
    public static string Protection(long protection) => Names(Protections, protection);

    /// <summary>`_mmap_flags`: a huge page size first (`MAP_HUGE_2MB|`), then the MAP_ bits.</summary>
    public static string MemoryMap(long flags)
    {
        var huge = (int)((flags >> MapHugeShift) & MapHugeMask);
        flags &= ~(MapHugeMask << MapHugeShift);
        return huge == 0 ? Names(MapFlags, flags) : $"MAP_HUGE_{HugePageSize(huge)}|{Names(MapFlags, flags)}";
    }

    /// <summary>A page size of 2^<paramref name="log2"/> bytes as stap writes it: `2MB`, `1GB`, `512`.</summary>
    private static string HugePageSize(int log2)
    {
        string[] suffixes = ["", "KB", "MB", "GB", "TB", "PB", "EB"];
        var unit = Math.Min(log2 / 10, suffixes.Length - 1);
        return (1L << (log2 - unit * 10)).ToString(System.Globalization.CultureInfo.InvariantCulture) + suffixes[unit];
    }

    /// <summary>`_sock_family_str`: PF_INET ..., or the value in hex.</summary>
    public static string SocketFamily(long family) => Name(SocketFamilies, (uint)family);

    /// <summary>`_sock_type_str`: the type, then SOCK_CLOEXEC and SOCK_NONBLOCK, then what is left in hex.</summary>
    public static string SocketType(long type)
    {
        var value = (int)type;
        var (kind, flags) = (value & SocketTypeMask, value & ~SocketTypeMask);
        var parts = new List<string>();
        if (SocketTypes.FirstOrDefault(t => t.Value == kind).Name is { } name)
        {
            parts.Add(name);
            kind = 0;
        }
        foreach (var (bit, flagName) in new[] { (SocketCloseOnExec, "SOCK_CLOEXEC"), (SocketNonBlocking, "SOCK_NONBLOCK") })
        {
            if ((flags & bit) == 0)
                continue;
            parts.Add(flagName);
            flags &= ~bit;
        }
        kind |= flags;
        if (kind != 0 || parts.Count == 0)
            parts.Add($"0x{kind:x}");
        return string.Join('|', parts);
    }

    /// <summary>`_sock_protocol_str`: an IPPROTO_ name for PF_INET and PF_INET6, else the number.</summary>
    public static string SocketProtocol(long family, long protocol) =>
        family is 2 or 10 && InternetProtocols.FirstOrDefault(p => p.Value == protocol).Name is { } name
            ? name
            : protocol.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
