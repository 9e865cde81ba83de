using System.Collections.Immutable;

namespace Tapline.Tracing.Capture;

/// <summary>
/// What one tracepoint's kernel-side program copies: the record itself (<paramref name="RecordSize"/>
/// bytes, its common header rebuilt with type <paramref name="TypeId"/>, since the kernel lends
/// that word to the program), then the user memory its handlers read. Groups with a syscall
/// number are chosen by the 8-byte field at <paramref name="SyscallOffset"/>; events no group
/// takes are left to the tracepoint's own sample. A string whose page was not in memory when the
/// syscall began cannot be copied then (the program may not fault it in); when
/// <paramref name="RetryTypeId"/> is set (the id of `raw_syscalls:sys_exit`) such a record waits
/// for its thread's syscall to end, when the kernel has read the string, and is copied again.
/// </summary>
/// <param name="ContextShift">How much further into the record than into the program's context a field is: 0 for a tracepoint (its context is its record), 8 for a uprobe (its context is the registers, `struct pt_regs`, which the record holds after its header).</param>
/// <param name="ProgramType">The kind of program: a tracepoint's, or a uprobe's (BPF_PROG_TYPE_KPROBE).</param>
public sealed record CapturePlan(
    string Tracepoint, int TypeId, int RecordSize, int? SyscallOffset, ImmutableArray<CaptureGroup> Groups, int? RetryTypeId = null,
    int ContextShift = 0, Bpf.BpfProgramType ProgramType = Bpf.BpfProgramType.Tracepoint)
{
    /// <summary>A marker's arguments, the record's last 8-byte fields (after what is copied from the context).</summary>
    public ImmutableArray<CapturedArgument> Arguments { get; init; } = [];

    /// <summary>Where the arguments start: the end of what is copied from the context.</summary>
    public int ArgumentsStart => RecordSize - 8 * Arguments.Length;

    /// <summary>Syscalls whose strings are not copied again at the end: a successful exec has replaced the memory they were in.</summary>
    public static readonly ImmutableHashSet<long> NotRetried = [59, 322];

    /// <summary>The groups whose faulted strings are copied again when their syscall ends.</summary>
    public IEnumerable<CaptureGroup> Retried => RetryTypeId is null ? [] : Groups.Where(g => g.SyscallNumber is { } n && !NotRetried.Contains(n));

    /// <summary>Where the copied memory starts: after the record, 8-byte aligned.</summary>
    public int SlotsStart => (RecordSize + 7) & ~7;
}
