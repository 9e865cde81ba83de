using System.Collections.Immutable;

namespace Tapline.Tracing.Capture;

/// <summary>
/// What one tracepoint's kernel-side program copies: the record itself (<paramref name="RecordSize"/>
/// bytes, its common header rebuilt with type <paramref name="TypeId"/>, since the kernel lends
/// that word to the program), then the user memory its handlers read. Groups with a syscall
/// number are chosen by the 8-byte field at <paramref name="SyscallOffset"/>; events no group
/// takes are left to the tracepoint's own sample.
/// </summary>
public sealed record CapturePlan(string Tracepoint, int TypeId, int RecordSize, int? SyscallOffset, ImmutableArray<CaptureGroup> Groups)
{
    /// <summary>Where the copied memory starts: after the record, 8-byte aligned.</summary>
    public int SlotsStart => (RecordSize + 7) & ~7;
}
