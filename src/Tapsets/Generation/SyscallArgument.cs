using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Generation;

/// <summary>
/// How one syscall argument (a field of `syscalls:sys_enter_NAME`) is read from
/// `raw_syscalls:sys_enter`'s `$args[N]` and shown in `argstr`, by the kind of its C type.
/// </summary>
internal sealed record SyscallArgument(string Name, int Index, SyscallArgumentKind Kind)
{
    private static readonly HashSet<string> Signed32 =
        ["int", "pid_t", "key_serial_t", "clockid_t", "timer_t", "mqd_t", "rwf_t", "__s32", "s32", "int32_t"];

    private static readonly HashSet<string> Unsigned32 =
        ["unsigned int", "unsigned", "u32", "__u32", "umode_t", "uid_t", "gid_t", "qid_t", "old_uid_t", "old_gid_t", "uint32_t"];

    /// <summary>
    /// Variables every syscall alias sets itself, and the library's globals (argv.stp's argc and
    /// argv, which a name in an alias body would resolve to): an argument of that name is renamed.
    /// </summary>
    private static readonly HashSet<string> AliasVariables = ["name", "argstr", "retval", "retstr", "argv", "argc"];

    public static SyscallArgument From(TracepointField field, int index)
    {
        var type = field.CType.Replace("__user", "").Replace("  ", " ").Trim();
        var kind = type switch
        {
            "const char *" or "char *" => SyscallArgumentKind.String,
            _ when type.EndsWith('*') => SyscallArgumentKind.Pointer,
            "umode_t" => SyscallArgumentKind.Mode,
            _ when (Signed32.Contains(type) || Unsigned32.Contains(type)) && field.Name.Contains("flags", StringComparison.Ordinal) =>
                SyscallArgumentKind.Flags32,
            // A descriptor is an int to stap, even where the kernel declares it unsigned (read, write, close...).
            _ when (Signed32.Contains(type) || Unsigned32.Contains(type)) && field.Name.EndsWith("fd", StringComparison.Ordinal) =>
                SyscallArgumentKind.FileDescriptor,
            _ when Signed32.Contains(type) => SyscallArgumentKind.Signed32,
            _ when Unsigned32.Contains(type) => SyscallArgumentKind.Unsigned32,
            _ when field.Name.Contains("flags", StringComparison.Ordinal) => SyscallArgumentKind.Flags,
            _ when type.StartsWith("unsigned", StringComparison.Ordinal) || type is "size_t" or "u64" or "__u64" => SyscallArgumentKind.Unsigned,
            _ => SyscallArgumentKind.Signed,
        };
        var name = AliasVariables.Contains(field.Name)
            ? field.Name + (kind == SyscallArgumentKind.String ? "_str" : "_arg")
            : field.Name;
        return new SyscallArgument(name, index, kind);
    }

    /// <summary>The statements that set the argument's variable (and NAME_uaddr for strings).</summary>
    public IEnumerable<string> Assignments()
    {
        var raw = $"$args[{Index}]";
        switch (Kind)
        {
            case SyscallArgumentKind.String:
                yield return $"{Name}_uaddr = {raw}";
                yield return $"{Name} = user_string_quoted({Name}_uaddr)";
                break;
            case SyscallArgumentKind.Signed32 or SyscallArgumentKind.FileDescriptor:
                yield return $"{Name} = __int32({raw})";
                break;
            case SyscallArgumentKind.Unsigned32 or SyscallArgumentKind.Mode or SyscallArgumentKind.Flags32:
                yield return $"{Name} = __uint32({raw})";
                break;
            case SyscallArgumentKind.Pointer when !Name.EndsWith("_uaddr", StringComparison.Ordinal):
                // stap names a pointer argument NAME_uaddr; the kernel's NAME is kept too.
                yield return $"{Name} = {raw}";
                yield return $"{Name}_uaddr = {Name}";
                break;
            default:
                yield return $"{Name} = {raw}";
                break;
        }
    }

    /// <summary>The printf conversion that shows the argument in `argstr`.</summary>
    public string Conversion => Kind switch
    {
        SyscallArgumentKind.String => "%s",
        SyscallArgumentKind.Pointer => "%p",
        SyscallArgumentKind.Mode => "%#o",
        SyscallArgumentKind.Flags or SyscallArgumentKind.Flags32 => "%#x",
        SyscallArgumentKind.Unsigned or SyscallArgumentKind.Unsigned32 => "%u",
        _ => "%d",
    };
}

internal enum SyscallArgumentKind
{
    Signed,
    Unsigned,
    Signed32,
    Unsigned32,
    FileDescriptor,
    Flags,
    Flags32,
    Mode,
    Pointer,
    String,
}
