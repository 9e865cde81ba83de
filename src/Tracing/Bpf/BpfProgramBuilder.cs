using System.Collections.Immutable;

namespace Tapline.Tracing.Bpf;

/// <summary>
/// Writes an eBPF program one typed instruction at a time. Jumps name a label, bound to the
/// next instruction by <see cref="Mark"/>; <see cref="Build"/> turns them into offsets.
/// </summary>
public sealed class BpfProgramBuilder
{
    private readonly List<BpfInstruction> _instructions = [];
    private readonly List<(int Instruction, BpfLabel Label)> _jumps = [];
    private readonly List<BpfMapUse> _mapUses = [];
    private readonly List<BpfNote> _notes = [];
    private readonly List<int?> _labelTargets = [];

    public BpfLabel NewLabel(string name)
    {
        _labelTargets.Add(null);
        return new BpfLabel(_labelTargets.Count - 1, name);
    }

    /// <summary>Binds <paramref name="label"/> to the next instruction written.</summary>
    public BpfProgramBuilder Mark(BpfLabel label)
    {
        if (_labelTargets[label.Id] is not null)
            throw new InvalidOperationException($"label '{label.Name}' is already bound");
        _labelTargets[label.Id] = _instructions.Count;
        return this;
    }

    /// <summary>A comment printed above the next instruction (the script line a part serves).</summary>
    public BpfProgramBuilder Note(string text)
    {
        _notes.Add(new BpfNote(_instructions.Count, text));
        return this;
    }

    public BpfProgramBuilder Move(BpfRegister destination, BpfRegister source) =>
        Emit(Alu64(BpfAlu.Move, BpfCode.FromRegister), destination, source, 0, 0);

    /// <summary>`dst = imm`, the immediate sign-extended to 64 bits.</summary>
    public BpfProgramBuilder MoveImmediate(BpfRegister destination, int value) => Emit(Alu64(BpfAlu.Move, 0), destination, 0, 0, value);

    /// <summary>`dst = (u32)imm`: a 32-bit move, which clears the upper half.</summary>
    public BpfProgramBuilder MoveImmediate32(BpfRegister destination, int value) =>
        Emit((byte)((byte)BpfClass.Alu32 | (byte)BpfAlu.Move), destination, 0, 0, value);

    public BpfProgramBuilder Alu(BpfAlu operation, BpfRegister destination, int value) => Emit(Alu64(operation, 0), destination, 0, 0, value);

    public BpfProgramBuilder Alu(BpfAlu operation, BpfRegister destination, BpfRegister source) =>
        Emit(Alu64(operation, BpfCode.FromRegister), destination, source, 0, 0);

    /// <summary>`dst = imm64` (two instructions).</summary>
    public BpfProgramBuilder LoadImmediate64(BpfRegister destination, long value)
    {
        Emit(BpfCode.LoadDouble, destination, 0, 0, unchecked((int)value));
        return Emit(0, 0, 0, 0, unchecked((int)(value >> 32)));
    }

    /// <summary>`dst = map`: a 64-bit immediate load of the map's descriptor, set when the program is loaded.</summary>
    public BpfProgramBuilder LoadMap(BpfRegister destination, string map)
    {
        _mapUses.Add(new BpfMapUse(_instructions.Count, map));
        Emit(BpfCode.LoadDouble, destination, BpfCode.PseudoMapDescriptor, 0, 0);
        return Emit(0, 0, 0, 0, 0);
    }

    /// <summary>`dst = *(size *)(src + offset)`.</summary>
    public BpfProgramBuilder Load(BpfSize size, BpfRegister destination, BpfRegister source, short offset) =>
        Emit((byte)((byte)BpfClass.LoadRegister | (byte)size | BpfCode.Memory), destination, source, offset, 0);

    /// <summary>`*(size *)(dst + offset) = src`.</summary>
    public BpfProgramBuilder Store(BpfSize size, BpfRegister destination, short offset, BpfRegister source) =>
        Emit((byte)((byte)BpfClass.StoreRegister | (byte)size | BpfCode.Memory), destination, source, offset, 0);

    /// <summary>`*(size *)(dst + offset) = imm`.</summary>
    public BpfProgramBuilder StoreImmediate(BpfSize size, BpfRegister destination, short offset, int value) =>
        Emit((byte)((byte)BpfClass.Store | (byte)size | BpfCode.Memory), destination, 0, offset, value);

    /// <summary>`lock *(u64 *)(dst + offset) += src`: an atomic add (BPF_ATOMIC with BPF_ADD), which every CPU sees whole.</summary>
    public BpfProgramBuilder AtomicAdd(BpfRegister destination, short offset, BpfRegister source) =>
        Emit((byte)((byte)BpfClass.StoreRegister | (byte)BpfSize.Double | BpfCode.Atomic), destination, source, offset, 0);

    public BpfProgramBuilder Call(BpfHelper helper) => Emit((byte)((byte)BpfClass.Jump | BpfCode.Call), 0, 0, 0, (int)helper);

    public BpfProgramBuilder Exit() => Emit((byte)((byte)BpfClass.Jump | BpfCode.Exit), 0, 0, 0, 0);

    public BpfProgramBuilder Jump(BpfLabel target) => EmitJump((byte)((byte)BpfClass.Jump | BpfCode.JumpAlways), 0, 0, 0, target);

    /// <summary>`if dst TEST imm goto target`.</summary>
    public BpfProgramBuilder JumpIf(BpfJump test, BpfRegister register, int value, BpfLabel target) =>
        EmitJump((byte)((byte)BpfClass.Jump | (byte)test), register, 0, value, target);

    /// <summary>`if dst TEST src goto target`.</summary>
    public BpfProgramBuilder JumpIf(BpfJump test, BpfRegister register, BpfRegister other, BpfLabel target) =>
        EmitJump((byte)((byte)BpfClass.Jump | (byte)test | BpfCode.FromRegister), register, other, 0, target);

    public BpfProgram Build()
    {
        var instructions = _instructions.ToArray();
        foreach (var (at, label) in _jumps)
        {
            var target = _labelTargets[label.Id] ?? throw new InvalidOperationException($"label '{label.Name}' is never bound");
            var offset = target - (at + 1);
            if (offset is < short.MinValue or > short.MaxValue)
                throw new InvalidOperationException($"the jump to '{label.Name}' is too far ({offset} instructions)");
            instructions[at] = instructions[at] with { Offset = (short)offset };
        }
        return new BpfProgram([.. instructions], [.. _mapUses], [.. _notes]);
    }

    private BpfProgramBuilder EmitJump(byte code, BpfRegister destination, BpfRegister source, int value, BpfLabel target)
    {
        _jumps.Add((_instructions.Count, target));
        return Emit(code, destination, source, 0, value);
    }

    private BpfProgramBuilder Emit(byte code, BpfRegister destination, BpfRegister source, short offset, int value)
    {
        _instructions.Add(new BpfInstruction(code, destination, source, offset, value));
        return this;
    }

    private static byte Alu64(BpfAlu operation, byte source) => (byte)((byte)BpfClass.Alu64 | (byte)operation | source);
}
