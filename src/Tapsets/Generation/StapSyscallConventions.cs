using System.Collections.Frozen;

namespace Tapline.Tapsets.Generation;

/// <summary>
/// Where stap's syscall tapsets differ from the kernel's argument names and plain numbers:
/// the variables they rename (`buf` is `buf_uaddr`), the decoded `*_str` variables they add,
/// and the argstr they format with them. Written from stap's tapset reference and its
/// documented variables, for the syscalls scripts use most; the others keep the kernel's
/// names and numeric argstr.
/// </summary>
internal static class StapSyscallConventions
{
    /// <summary>A syscall's renamed arguments, the variables it adds, and its argstr statement.</summary>
    /// <param name="StapName">The name stap gives the syscall where it is another (x86_64's mmap is stap's `syscall.mmap2`).</param>
    /// <param name="ReturnFormat">How its retstr shows the result (`return_str`'s format: 2 is hex, for an address).</param>
    public sealed record Override(
        FrozenDictionary<string, string> Renames, IReadOnlyList<string> Extra, string? Argstr, string? StapName = null, int ReturnFormat = 1);

    private static Override Of(string? argstr, string[] extra, params (string Kernel, string Stap)[] renames) =>
        new(renames.ToFrozenDictionary(r => r.Kernel, r => r.Stap), extra, argstr);

    private const string OpenCreate = "0x40"; // O_CREAT: only then is the mode shown

    private static readonly FrozenDictionary<string, Override> Overrides = new Dictionary<string, Override>
    {
        ["open"] = Of(
            $"if (flags & {OpenCreate}) argstr = sprintf(\"%s, %s, %#o\", filename, flags_str, mode) else argstr = sprintf(\"%s, %s\", filename, flags_str)",
            ["flags_str = _sys_open_flag_str(flags)"]),
        ["openat"] = Of(
            $"if (flags & {OpenCreate}) argstr = sprintf(\"%s, %s, %s, %#o\", dfd_str, filename, flags_str, mode) else argstr = sprintf(\"%s, %s, %s\", dfd_str, filename, flags_str)",
            ["dfd_str = _dfd_str(dfd)", "flags_str = _sys_open_flag_str(flags)"]),
        ["access"] = Of("argstr = sprintf(\"%s, %s\", pathname, mode_str)", ["mode_str = _access_mode_str(mode)"],
            ("filename", "pathname")),
        ["faccessat"] = Of("argstr = sprintf(\"%s, %s, %s\", dirfd_str, pathname, mode_str)",
            ["dirfd_str = _dfd_str(dirfd)", "mode_str = _access_mode_str(mode)"], ("dfd", "dirfd"), ("filename", "pathname")),
        ["kill"] = Of("argstr = sprintf(\"%d, %s\", pid, _signal_name(sig))", []),
        ["tkill"] = Of("argstr = sprintf(\"%d, %s\", pid, _signal_name(sig))", []),
        ["tgkill"] = Of("argstr = sprintf(\"%d, %d, %s\", tgid, pid, _signal_name(sig))", []),
        ["wait4"] = Of("argstr = sprintf(\"%d, %p, %s, %p\", pid, status_uaddr, options_str, rusage_uaddr)",
            ["options_str = _wait4_opt_str(options)"], ("upid", "pid"), ("stat_addr", "status_uaddr"), ("ru", "rusage_uaddr")),
        ["read"] = Of(null, [], ("buf", "buf_uaddr")),
        ["write"] = Of(null, [], ("buf", "buf_uaddr")),
        ["pread64"] = Of(null, [], ("buf", "buf_uaddr")),
        ["pwrite64"] = Of(null, [], ("buf", "buf_uaddr")),
        ["futex"] = Of("argstr = sprintf(\"%p, %s, %d\", futex_uaddr, _futex_op_str(op), val)", [],
            ("uaddr", "futex_uaddr"), ("utime", "utime_uaddr"), ("uaddr2", "uaddr2_uaddr")),
        ["lseek"] = Of("argstr = sprintf(\"%d, %d, %s\", fildes, offset, whence_str)",
            ["fildes = fd", "whence_str = _seek_whence_str(whence)"]),
        ["fcntl"] = Of("argstr = sprintf(\"%d, %s, %p\", fd, cmd_str, arg)", ["cmd_str = _fcntl_cmd_str(cmd)"]),
        ["mmap"] = Of("argstr = sprintf(\"%p, %u, %s, %s, %d, %d\", start, length, prot_str, flags_str, fd, pgoffset)",
            ["prot_str = _mprotect_prot_str(prot)", "flags_str = _mmap_flags(flags)", "fd = __int32(fd)"],
            ("addr", "start"), ("len", "length"), ("off", "pgoffset")) with
        { StapName = "mmap2", ReturnFormat = 2 },
        ["mprotect"] = Of("argstr = sprintf(\"%p, %d, %s\", addr, len, prot_str)", ["prot_str = _mprotect_prot_str(prot)"],
            ("start", "addr")),
        ["poll"] = Of(null, [], ("timeout_msecs", "timeout")),
        ["munmap"] = Of("argstr = sprintf(\"%p, %u\", start, length)", [], ("addr", "start"), ("len", "length")),
        ["brk"] = Of("argstr = sprintf(\"%p\", brk)", []),
        ["exit"] = Of(null, [], ("error_code", "status")),
        ["exit_group"] = Of(null, [], ("error_code", "status")),
        // dup2 has no flags, but stap's dup2 and dup3 probes were once one: both keep flags and flags_str.
        ["dup2"] = Of(null, ["flags = 0", "flags_str = \"0x0\""]),
        ["clone"] = Of("argstr = sprintf(\"%s, %p, %p, %p\", __fork_flags(clone_flags), stack_start, parent_tid_uaddr, child_tid_uaddr)", [],
            ("newsp", "stack_start"), ("parent_tidptr", "parent_tid_uaddr"), ("child_tidptr", "child_tid_uaddr")),
        ["dup3"] = Of("argstr = sprintf(\"%d, %d, %s\", oldfd, newfd, flags_str)", ["flags = __int32(flags)", "flags_str = _dup3_flag_str(flags)"]),
        ["ioctl"] = Of("argstr = sprintf(\"%d, %d, %p\", fd, request, argp)", ["request = __int32(request)"],
            ("cmd", "request"), ("arg", "argp")),
        ["socket"] = Of("argstr = sprintf(\"%s, %s, %s\", family_str, type_str, protocol_str)",
            ["family_str = _sock_family_str(family)", "type_str = _sock_type_str(type)", "protocol_str = _sock_protocol_str(family, protocol)"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Override? For(string syscall) => Overrides.GetValueOrDefault(syscall);
}
