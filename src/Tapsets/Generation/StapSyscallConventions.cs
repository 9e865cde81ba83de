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
    public sealed record Override(FrozenDictionary<string, string> Renames, IReadOnlyList<string> Extra, string? Argstr);

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
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Override? For(string syscall) => Overrides.GetValueOrDefault(syscall);
}
