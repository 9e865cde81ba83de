using System.Text.RegularExpressions;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Generation;

/// <summary>
/// Builds the x86_64 syscall table from the kernel's `asm/unistd_64.h` and the catalog:
/// each `__NR_name` with a `syscalls:sys_enter_*` tracepoint. Where the kernel's tracepoint
/// is named after its SYSCALL_DEFINE rather than `__NR_`, <see cref="TracepointRenames"/>
/// says so; syscalls newer than the header are in <see cref="NewerThanHeader"/>. Both lists
/// were checked on Linux 6.18 by calling each number and reading which tracepoint fired.
/// </summary>
public static partial class SyscallTableBuilder
{
    public const string DefaultHeader = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";

    public static readonly IReadOnlyDictionary<string, string> TracepointRenames = new Dictionary<string, string>
    {
        ["stat"] = "newstat",
        ["fstat"] = "newfstat",
        ["lstat"] = "newlstat",
        ["uname"] = "newuname",
        ["sendfile"] = "sendfile64",
        ["umount2"] = "umount",
    };

    public static readonly IReadOnlyDictionary<string, long> NewerThanHeader = new Dictionary<string, long>
    {
        ["uretprobe"] = 335,
        ["uprobe"] = 336,
        ["cachestat"] = 451,
        ["fchmodat2"] = 452,
        ["map_shadow_stack"] = 453,
        ["futex_wake"] = 454,
        ["futex_wait"] = 455,
        ["futex_requeue"] = 456,
        ["statmount"] = 457,
        ["listmount"] = 458,
        ["lsm_get_self_attr"] = 459,
        ["lsm_set_self_attr"] = 460,
        ["lsm_list_modules"] = 461,
        ["mseal"] = 462,
        ["setxattrat"] = 463,
        ["getxattrat"] = 464,
        ["listxattrat"] = 465,
        ["removexattrat"] = 466,
        ["open_tree_attr"] = 467,
        ["file_getattr"] = 468,
        ["file_setattr"] = 469,
    };

    [GeneratedRegex(@"^#define __NR_(?<name>[a-z0-9_]+)\s+(?<number>\d+)\s*$")]
    private static partial Regex Define();

    public static SyscallTable Build(string headerText, ITracepointCatalog catalog)
    {
        var numbers = new Dictionary<string, long>(NewerThanHeader);
        foreach (var line in headerText.Split('\n'))
        {
            if (Define().Match(line) is { Success: true } match)
                numbers[match.Groups["name"].Value] = long.Parse(match.Groups["number"].Value);
        }
        var traced = catalog.Names.Where(n => n.System == "syscalls" && n.Name.StartsWith("sys_enter_", StringComparison.Ordinal))
            .Select(n => n.Name["sys_enter_".Length..])
            .ToHashSet();
        return new SyscallTable(numbers
            .Select(pair => new SyscallEntry(pair.Value, pair.Key, TracepointRenames.GetValueOrDefault(pair.Key, pair.Key)))
            .Where(entry => traced.Contains(entry.Tracepoint)));
    }
}
