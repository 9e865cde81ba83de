using System.Collections.Immutable;

namespace Tapline.Tracing.Bpf;

/// <summary>
/// A finished eBPF program: its instructions (jumps resolved), the 64-bit immediate loads that
/// must hold a map's descriptor once the maps exist, and notes that say what each part is for.
/// </summary>
public sealed record BpfProgram(
    ImmutableArray<BpfInstruction> Instructions,
    ImmutableArray<BpfMapUse> MapUses,
    ImmutableArray<BpfNote> Notes)
{
    public int ByteSize => Instructions.Length * BpfInstruction.Size;

    /// <summary>The instructions with each map use's immediate set to its descriptor, ready for `BPF_PROG_LOAD`.</summary>
    public byte[] Encode(IReadOnlyDictionary<string, int> mapDescriptors)
    {
        var instructions = Instructions.ToBuilder();
        foreach (var use in MapUses)
        {
            if (!mapDescriptors.TryGetValue(use.Map, out var descriptor))
                throw new InvalidOperationException($"the program uses map '{use.Map}', which was not created");
            instructions[use.Instruction] = instructions[use.Instruction] with { Immediate = descriptor };
        }
        var bytes = new byte[instructions.Count * BpfInstruction.Size];
        for (var i = 0; i < instructions.Count; i++)
            instructions[i].Encode(bytes.AsSpan(i * BpfInstruction.Size));
        return bytes;
    }
}

/// <summary>The 64-bit immediate load at <paramref name="Instruction"/> loads map <paramref name="Map"/>.</summary>
public readonly record struct BpfMapUse(int Instruction, string Map);

/// <summary>A comment printed above instruction <paramref name="Instruction"/>: what the part it starts serves.</summary>
public readonly record struct BpfNote(int Instruction, string Text);
