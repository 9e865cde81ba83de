using System.Collections.Immutable;
using Tapline.Tracing.Catalog;

namespace Tapline.Tracing.Uprobes;

/// <summary>
/// The registers a uprobe's program copies into its record: x86-64's `struct pt_regs`, after
/// the record's 8-byte common header, each as an 8-byte field named as the kernel names it
/// (`ax`, `di`, `ip`...), which `Registers` in the runtime reads.
/// </summary>
public static class UserRegisters
{
    public const string System = "uprobe";

    /// <summary>`struct pt_regs` in order.</summary>
    public static readonly ImmutableArray<string> Names =
        ["r15", "r14", "r13", "r12", "bp", "bx", "r11", "r10", "r9", "r8", "ax", "cx", "dx", "si", "di", "orig_ax", "ip", "cs", "flags", "sp", "ss"];

    /// <summary>Where the registers start in the record: after the common header.</summary>
    public const int RecordShift = 8;

    public static int RecordSize => RecordShift + 8 * Names.Length;

    /// <summary>The format a uprobe's records come under, named `uprobe:NAME`: the common header, the registers, then a marker's arguments (`arg1`...).</summary>
    public static TracepointFormat Format(string name, int id, int arguments = 0) => new(System, name, id,
    [
        new TracepointField("unsigned short common_type", "common_type", "unsigned short", 0, 2, false, null, false),
        new TracepointField("unsigned char common_flags", "common_flags", "unsigned char", 2, 1, false, null, false),
        new TracepointField("unsigned char common_preempt_count", "common_preempt_count", "unsigned char", 3, 1, false, null, false),
        new TracepointField("int common_pid", "common_pid", "int", 4, 4, true, null, false),
        .. Names.Select((register, i) => new TracepointField($"unsigned long {register}", register, "unsigned long", RecordShift + 8 * i, 8, false, null, false)),
        .. Enumerable.Range(1, arguments).Select(n => new TracepointField($"long arg{n}", $"arg{n}", "long", RecordSize + 8 * (n - 1), 8, true, null, false)),
    ]);

    /// <summary>Where register <paramref name="name"/> (a canonical name) is in `struct pt_regs`, or -1.</summary>
    public static int ContextOffset(string name) => Names.IndexOf(name) is >= 0 and var index ? 8 * index : -1;
}
