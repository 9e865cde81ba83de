namespace Tapline.Tracing.Capture;

/// <summary>
/// A NUL-terminated string in the traced process's memory that the kernel-side program copies
/// while the event fires: the pointer is the record's 8-byte field at <paramref name="FieldOffset"/>
/// (<paramref name="Field"/>, as the script names it), at most <paramref name="Capacity"/> bytes
/// are copied, for the read <paramref name="Reader"/> describes (`user_string_quoted(...) at f.stp:3:5`).
/// </summary>
public sealed record CaptureSlot(string Field, int FieldOffset, int Capacity, string Reader);
