using Tapline.Tracing.Bpf;
using static Tapline.Tracing.Bpf.BpfRegister;

namespace Tapline.Tracing.Capture;

/// <summary>
/// Writes the program on `raw_syscalls:sys_exit` that finishes the records left waiting: the
/// thread's record is found in the pending map, each string whose copy faulted at the start is
/// copied again (the kernel read it during the syscall, so its page is in memory now), and the
/// record is sent and forgotten. It returns 1: the exit's own sample is the kernel's to store.
/// </summary>
internal static class RetryProgramWriter
{
    private const short ThreadKeyOffset = -8;

    public static BpfProgram Write(CapturePlan plan, IReadOnlyList<CaptureSlot> ungated, IReadOnlyList<CaptureGroup> retried)
    {
        var code = new BpfProgramBuilder();
        var found = code.NewLabel("pending record found");
        var none = code.NewLabel("none waiting");
        var send = code.NewLabel("send");
        var blocks = retried.Select(g => code.NewLabel($"syscall {g.SyscallNumber}")).ToList();
        var someWaiting = code.NewLabel("some waiting");
        code.Note("raw_syscalls:sys_exit: finish the record this thread's syscall left waiting, if any; when none waits, end at once")
            .Move(R6, R1);
        CaptureProgramWriter.LookUpFirst(code, CaptureProgram.WaitingMap)
            .JumpIf(BpfJump.Equal, R0, 0, none)
            .Load(BpfSize.Double, R1, R0, 0)
            .JumpIf(BpfJump.NotEqual, R1, 0, someWaiting)
            .Mark(none).MoveImmediate(R0, 1).Exit()
            .Mark(someWaiting)
            .Call(BpfHelper.GetCurrentPidTgid)
            .Store(BpfSize.Word, R10, ThreadKeyOffset, R0)
            .LoadMap(R1, CaptureProgram.PendingMap)
            .Move(R2, R10).Alu(BpfAlu.Add, R2, ThreadKeyOffset)
            .Call(BpfHelper.MapLookupElement)
            .JumpIf(BpfJump.NotEqual, R0, 0, found)
            .MoveImmediate(R0, 1).Exit()
            .Mark(found).Move(R7, R0)
            .Load(BpfSize.Double, R8, R7, checked((short)plan.SyscallOffset!.Value));
        for (var i = 0; i < retried.Count; i++)
            code.JumpIf(BpfJump.Equal, R8, (int)retried[i].SyscallNumber!.Value, blocks[i]);
        code.MoveImmediate(R0, 1).Exit();
        for (var i = 0; i < retried.Count; i++)
        {
            code.Mark(blocks[i]).Note($"syscall {retried[i].SyscallNumber}: copy again each string that faulted");
            WriteBlock(code, plan, [.. ungated, .. retried[i].Slots], send);
        }
        CaptureProgramWriter.WriteOutput(code.Mark(send).Note("send the finished record to this CPU's ring, forget it, and return 1"))
            .LoadMap(R1, CaptureProgram.PendingMap)
            .Move(R2, R10).Alu(BpfAlu.Add, R2, ThreadKeyOffset)
            .Call(BpfHelper.MapDeleteElement);
        var forgotten = code.NewLabel("forgotten");
        code.JumpIf(BpfJump.NotEqual, R0, 0, forgotten);
        CaptureProgramWriter.CountWaiting(code, -1);
        code.Mark(forgotten).MoveImmediate(R0, 1).Exit();
        return code.Build();
    }

    /// <summary>Each slot copied again when its result is not a length (a negative errno reads as a large unsigned word).</summary>
    private static void WriteBlock(BpfProgramBuilder code, CapturePlan plan, IReadOnlyList<CaptureSlot> slots, BpfLabel send)
    {
        var offset = plan.SlotsStart;
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var copied = code.NewLabel("copied");
            code.Note($"{slot.Reader}: ${slot.Field} again")
                .Load(BpfSize.Word, R1, R7, checked((short)(offset + 8)))
                .JumpIf(BpfJump.LessOrEqual, R1, slot.Capacity, copied)
                .Load(BpfSize.Double, R3, R7, checked((short)offset))
                .Move(R1, R7).Alu(BpfAlu.Add, R1, offset + CapturedMemory.HeaderSize)
                .MoveImmediate(R2, slot.Capacity)
                .Call(BpfHelper.ProbeReadUserString)
                .Store(BpfSize.Word, R7, checked((short)(offset + 8)), R0)
                .Mark(copied);
            offset += CapturedMemory.HeaderSize;
            if (i < slots.Count - 1)
            {
                offset += slot.Capacity;
                continue;
            }
            var bounded = code.NewLabel("bounded");
            code.Load(BpfSize.Word, R9, R7, checked((short)(offset - CapturedMemory.HeaderSize + 8)))
                .JumpIf(BpfJump.LessOrEqual, R9, slot.Capacity, bounded).MoveImmediate(R9, 0)
                .Mark(bounded).Alu(BpfAlu.Add, R9, offset)
                .Jump(send);
        }
        if (slots.Count == 0)
            code.MoveImmediate(R9, plan.SlotsStart).Jump(send);
    }
}
