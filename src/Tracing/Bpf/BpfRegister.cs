namespace Tapline.Tracing.Bpf;

/// <summary>
/// The eBPF machine's registers: R0 holds a helper's result and the program's, R1-R5 a
/// helper's arguments (clobbered by every call), R6-R9 survive calls, R10 is the read-only
/// frame pointer (the stack grows down from it, 512 bytes).
/// </summary>
public enum BpfRegister : byte
{
    R0,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
}
