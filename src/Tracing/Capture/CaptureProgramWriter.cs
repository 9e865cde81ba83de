using Tapline.Tracing.Bpf;
using static Tapline.Tracing.Bpf.BpfRegister;

namespace Tapline.Tracing.Capture;

/// <summary>
/// Writes a capture plan's program. Registers: R6 the tracepoint's record (the program's
/// context), R7 the record being assembled, R8 the syscall number, R9 the size to send.
/// Each group is a block of its own: the gate sends an event to its group's block, which builds
/// the whole record and sends it, returning 0 so that the kernel stores no second sample; an
/// event no group takes returns 1 and is sampled as before.
/// </summary>
public static class CaptureProgramWriter
{
    /// <summary>`BPF_F_CURRENT_CPU`: the perf event array's entry of the CPU the program runs on.</summary>
    private const int CurrentCpu = -1;

    private const short KeyOffset = -4;

    /// <summary>A stack word set when a retried group's string faulted.</summary>
    private const short FaultedOffset = -16;

    /// <summary>The pending map's key: the thread id.</summary>
    private const short ThreadKeyOffset = -8;

    public static CaptureProgram Write(CapturePlan plan)
    {
        var code = new BpfProgramBuilder();
        var ungated = plan.Groups.Where(g => g.SyscallNumber is null).SelectMany(g => g.Slots).ToList();
        var gated = plan.Groups.Where(g => g.SyscallNumber is not null).OrderBy(g => g.SyscallNumber).ToList();
        var send = code.NewLabel("send");
        var blocks = gated.Select(g => code.NewLabel($"syscall {g.SyscallNumber}")).ToList();

        code.Note($"{plan.Tracepoint}: the context is its record");
        code.Move(R6, R1);
        if (gated.Count > 0)
        {
            code.Load(BpfSize.Double, R8, R6, checked((short)plan.SyscallOffset!.Value));
            for (var i = 0; i < gated.Count; i++)
            {
                if (gated[i].SyscallNumber is not (>= int.MinValue and <= int.MaxValue))
                    throw new ArgumentException($"syscall number {gated[i].SyscallNumber} does not fit a jump's immediate");
                code.JumpIf(BpfJump.Equal, R8, (int)gated[i].SyscallNumber!.Value, blocks[i]);
            }
        }
        var buffer = plan.SlotsStart + ungated.Sum(SlotSize);
        var retried = plan.Retried.ToHashSet();
        // A group without a syscall takes every event (a uprobe's program sends every hit, slots or none).
        if (plan.Groups.Any(g => g.SyscallNumber is null))
            WriteBlock(code, plan, ungated, send, retried: false);
        else
            code.Note("no handler reads user memory at this event: the kernel samples it").MoveImmediate(R0, 1).Exit();
        for (var i = 0; i < gated.Count; i++)
        {
            code.Mark(blocks[i]).Note($"syscall {gated[i].SyscallNumber}");
            var slots = ungated.Concat(gated[i].Slots).ToList();
            buffer = Math.Max(buffer, plan.SlotsStart + slots.Sum(SlotSize));
            WriteBlock(code, plan, slots, send, retried.Contains(gated[i]));
        }
        if (retried.Count > 0)
            WriteStash(code, send);
        else
            code.Mark(send);
        WriteOutput(code.Note("send the record to this CPU's ring; return 0")).MoveImmediate(R0, 0).Exit();
        return new CaptureProgram(plan, code.Build(), buffer, retried.Count > 0 ? RetryProgramWriter.Write(plan, ungated, [.. retried]) : null);
    }

    internal static int SlotSize(CaptureSlot slot) => CapturedMemory.HeaderSize + slot.Capacity;

    /// <summary>The buffer, the record with its header, then each slot; the last slot is sent only as far as its string goes.</summary>
    private static void WriteBlock(BpfProgramBuilder code, CapturePlan plan, IReadOnlyList<CaptureSlot> slots, BpfLabel send, bool retried)
    {
        var found = code.NewLabel("buffer found");
        LookUpFirst(code, CaptureProgram.BufferMap)
            .JumpIf(BpfJump.NotEqual, R0, 0, found)
            .MoveImmediate(R0, 1).Exit()
            .Mark(found).Move(R7, R0);
        if (plan.ProgramType == BpfProgramType.Probe)
            code.Note("the common header: the type is the uprobe's cookie (which of the link's uprobes fired), then flags, preempt count, pid")
                .Move(R1, R6).Call(BpfHelper.GetAttachCookie).Store(BpfSize.Half, R7, 0, R0);
        else
            code.Note("the common header: type, flags, preempt count, pid (the kernel lends this word to the program)")
                .StoreImmediate(BpfSize.Half, R7, 0, plan.TypeId);
        code.StoreImmediate(BpfSize.Half, R7, 2, 0)
            .Call(BpfHelper.GetCurrentPidTgid)
            .Store(BpfSize.Word, R7, 4, R0);
        code.Note($"the record's fields, bytes 8 to {plan.ArgumentsStart}");
        CopyRecord(code, plan.ArgumentsStart, plan.ContextShift);
        WriteArguments(code, plan);
        code.StoreImmediate(BpfSize.Double, R10, FaultedOffset, 0);
        if (slots.Count == 0)
            code.MoveImmediate(R9, plan.SlotsStart).Jump(send);
        var offset = plan.SlotsStart;
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            code.Note($"{slot.Reader}: the string at ${slot.Field}, at most {slot.Capacity} bytes");
            code.Load(BpfSize.Double, R3, R6, checked((short)(slot.FieldOffset - plan.ContextShift)))
                .Store(BpfSize.Double, R7, checked((short)offset), R3)
                .StoreImmediate(BpfSize.Word, R7, checked((short)(offset + 12)), slot.Capacity)
                .Move(R1, R7).Alu(BpfAlu.Add, R1, offset + CapturedMemory.HeaderSize)
                .MoveImmediate(R2, slot.Capacity)
                .Call(BpfHelper.ProbeReadUserString)
                .Store(BpfSize.Word, R7, checked((short)(offset + 8)), R0);
            if (retried)
            {
                var copied = code.NewLabel("copied");
                code.JumpIf(BpfJump.SignedGreater, R0, 0, copied).StoreImmediate(BpfSize.Double, R10, FaultedOffset, 1).Mark(copied);
            }
            offset += CapturedMemory.HeaderSize;
            if (i < slots.Count - 1)
            {
                offset += slot.Capacity;
                continue;
            }
            var positive = code.NewLabel("copied");
            var bounded = code.NewLabel("bounded");
            code.JumpIf(BpfJump.SignedGreater, R0, 0, positive).MoveImmediate(R0, 0)
                .Mark(positive).JumpIf(BpfJump.LessOrEqual, R0, slot.Capacity, bounded).MoveImmediate(R0, slot.Capacity)
                .Mark(bounded).Move(R9, R0).Alu(BpfAlu.Add, R9, offset)
                .Jump(send);
        }
    }

    /// <summary>Each marker argument into its field: read (from a register, or from memory with `bpf_probe_read_user`, 0 on a fault), then extended to 64 bits.</summary>
    private static void WriteArguments(BpfProgramBuilder code, CapturePlan plan)
    {
        for (var i = 0; i < plan.Arguments.Length; i++)
        {
            var argument = plan.Arguments[i];
            var field = (short)(plan.ArgumentsStart + 8 * i);
            code.Note($"$arg{i + 1}: {argument.Size} bytes{(argument.IsSigned ? ", signed" : "")}, from {argument.Source.ToString().ToLowerInvariant()}");
            switch (argument.Source)
            {
                case ArgumentSource.Constant:
                    code.LoadImmediate64(R1, argument.Value).Store(BpfSize.Double, R7, field, R1);
                    continue;
                case ArgumentSource.Register:
                    code.Load(BpfSize.Double, R1, R6, checked((short)argument.ContextOffset));
                    break;
                default:
                    code.StoreImmediate(BpfSize.Double, R7, field, 0)
                        .Load(BpfSize.Double, R3, R6, checked((short)argument.ContextOffset))
                        .Alu(BpfAlu.Add, R3, checked((int)argument.Value))
                        .Move(R1, R7).Alu(BpfAlu.Add, R1, field)
                        .MoveImmediate(R2, argument.Size)
                        .Call(BpfHelper.ProbeReadUser)
                        .Load(BpfSize.Double, R1, R7, field);
                    break;
            }
            if (argument.Size < 8)
            {
                var unused = 64 - 8 * argument.Size;
                code.Alu(BpfAlu.ShiftLeft, R1, unused).Alu(argument.IsSigned ? BpfAlu.ShiftRightSigned : BpfAlu.ShiftRight, R1, unused);
            }
            code.Store(BpfSize.Double, R7, field, R1);
        }
    }

    /// <summary>Bytes 8 to <paramref name="size"/> of the record, each from the context <paramref name="shift"/> bytes earlier, each load as wide as its offset's alignment allows.</summary>
    private static void CopyRecord(BpfProgramBuilder code, int size, int shift)
    {
        for (var offset = 8; offset < size;)
        {
            var width = size - offset >= 8 ? BpfSize.Double : size - offset >= 4 ? BpfSize.Word : size - offset >= 2 ? BpfSize.Half : BpfSize.Byte;
            code.Load(width, R1, R6, (short)(offset - shift)).Store(width, R7, (short)offset, R1);
            offset += width.Bytes();
        }
    }

    /// <summary>
    /// At <paramref name="send"/>: a record with a faulted string waits in the pending map for
    /// its thread's syscall to end (sent now when the map refuses it); the others go on to be sent.
    /// </summary>
    private static void WriteStash(BpfProgramBuilder code, BpfLabel send)
    {
        var sendNow = code.NewLabel("send now");
        code.Mark(send).Note("a string faulted: the record waits for the syscall's end, when the kernel has read it")
            .Load(BpfSize.Double, R1, R10, FaultedOffset)
            .JumpIf(BpfJump.Equal, R1, 0, sendNow)
            .Load(BpfSize.Word, R1, R7, 4)
            .Store(BpfSize.Word, R10, ThreadKeyOffset, R1)
            .LoadMap(R1, CaptureProgram.PendingMap)
            .Move(R2, R10).Alu(BpfAlu.Add, R2, ThreadKeyOffset)
            .Move(R3, R7)
            .MoveImmediate(R4, 0)
            .Call(BpfHelper.MapUpdateElement)
            .JumpIf(BpfJump.NotEqual, R0, 0, sendNow);
        CountWaiting(code, 1);
        code.MoveImmediate(R0, 0).Exit()
            .Mark(sendNow);
    }

    /// <summary>Adds <paramref name="change"/> to the count of waiting records (atomically: the programs run on every CPU at once). Clobbers R0-R5.</summary>
    internal static void CountWaiting(BpfProgramBuilder code, int change)
    {
        var counted = code.NewLabel("counted");
        LookUpFirst(code, CaptureProgram.WaitingMap)
            .JumpIf(BpfJump.Equal, R0, 0, counted)
            .MoveImmediate(R1, change)
            .AtomicAdd(R0, 0, R1)
            .Mark(counted);
    }

    /// <summary>R0 = the address of entry 0 of array <paramref name="map"/> (or 0), its key on the stack. Clobbers R1-R5.</summary>
    internal static BpfProgramBuilder LookUpFirst(BpfProgramBuilder code, string map) =>
        code.StoreImmediate(BpfSize.Word, R10, KeyOffset, 0)
            .Move(R2, R10).Alu(BpfAlu.Add, R2, KeyOffset)
            .LoadMap(R1, map)
            .Call(BpfHelper.MapLookupElement);

    /// <summary>Sends the record at R7, R9 bytes, through the output map to this CPU's ring (R6 the context). Clobbers R0-R5.</summary>
    internal static BpfProgramBuilder WriteOutput(BpfProgramBuilder code) =>
        code.Move(R1, R6)
            .LoadMap(R2, CaptureProgram.OutputMap)
            .MoveImmediate32(R3, CurrentCpu)
            .Move(R4, R7)
            .Move(R5, R9)
            .Call(BpfHelper.PerfEventOutput);
}
