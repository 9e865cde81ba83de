using System.Collections.Immutable;

namespace Tapline.Tracing.Capture;

/// <summary>What is copied for the events of one syscall (<paramref name="SyscallNumber"/>), or of every event when it is null.</summary>
public sealed record CaptureGroup(long? SyscallNumber, ImmutableArray<CaptureSlot> Slots);
