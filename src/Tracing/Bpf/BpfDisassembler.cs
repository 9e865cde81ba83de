using System.Globalization;
using System.Text;

namespace Tapline.Tracing.Bpf;

/// <summary>
/// Prints a program one instruction a line, in the notation the kernel's verifier log uses
/// (`r1 = *(u64 *)(r6 +16)`), each jump with its target's index, each note as a comment.
/// </summary>
public static class BpfDisassembler
{
    public static string Print(BpfProgram program, string indent = "")
    {
        var text = new StringBuilder();
        var notes = program.Notes.ToLookup(n => n.Instruction);
        var maps = program.MapUses.ToDictionary(u => u.Instruction, u => u.Map);
        for (var i = 0; i < program.Instructions.Length; i++)
        {
            foreach (var note in notes[i])
                text.Append(indent).Append("; ").Append(note.Text).Append('\n');
            var instruction = program.Instructions[i];
            text.Append(indent).Append(string.Create(CultureInfo.InvariantCulture, $"{i,4}: "));
            if (instruction.Code == BpfCode.LoadDouble && i + 1 < program.Instructions.Length)
            {
                var high = program.Instructions[i + 1].Immediate;
                text.Append(maps.TryGetValue(i, out var map)
                    ? $"{Register(instruction.Destination)} = map[{map}]"
                    : $"{Register(instruction.Destination)} = {Hex(((long)high << 32) | (uint)instruction.Immediate)} ll");
                text.Append('\n');
                i++;
                continue;
            }
            text.Append(Describe(instruction, i)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One instruction at <paramref name="index"/> (for a jump's target).</summary>
    public static string Describe(BpfInstruction instruction, int index)
    {
        var code = instruction.Code;
        var dst = Register(instruction.Destination);
        var src = Register(instruction.Source);
        var fromRegister = (code & BpfCode.FromRegister) != 0;
        switch (instruction.Class)
        {
            case BpfClass.Alu64 or BpfClass.Alu32:
                var prefix = instruction.Class == BpfClass.Alu32 ? "w" : "r";
                var target = prefix + (int)instruction.Destination;
                var operand = fromRegister ? prefix + (int)instruction.Source : Number(instruction.Immediate);
                return (BpfAlu)(code & 0xf0) switch
                {
                    BpfAlu.Move => $"{target} = {operand}",
                    BpfAlu.Add => $"{target} += {operand}",
                    BpfAlu.Subtract => $"{target} -= {operand}",
                    BpfAlu.Multiply => $"{target} *= {operand}",
                    BpfAlu.Or => $"{target} |= {operand}",
                    BpfAlu.And => $"{target} &= {operand}",
                    BpfAlu.ShiftLeft => $"{target} <<= {operand}",
                    BpfAlu.ShiftRight => $"{target} >>= {operand}",
                    BpfAlu.ShiftRightSigned => $"{target} s>>= {operand}",
                    _ => Unknown(instruction),
                };
            case BpfClass.LoadRegister:
                return $"{dst} = *({Size(code)} *)({src} {Signed(instruction.Offset)})";
            case BpfClass.StoreRegister when (code & 0xe0) == BpfCode.Atomic && instruction.Immediate == 0:
                return $"lock *({Size(code)} *)({dst} {Signed(instruction.Offset)}) += {src}";
            case BpfClass.StoreRegister:
                return $"*({Size(code)} *)({dst} {Signed(instruction.Offset)}) = {src}";
            case BpfClass.Store:
                return $"*({Size(code)} *)({dst} {Signed(instruction.Offset)}) = {Number(instruction.Immediate)}";
            case BpfClass.Jump:
                var operation = (byte)(code & 0xf0);
                var goTo = $"goto {index + 1 + instruction.Offset}";
                return operation switch
                {
                    BpfCode.Call => $"call {((BpfHelper)instruction.Immediate).Name()}",
                    BpfCode.Exit => "exit",
                    BpfCode.JumpAlways => goTo,
                    _ => $"if {dst} {((BpfJump)operation).Symbol()} {(fromRegister ? src : Number(instruction.Immediate))} {goTo}",
                };
            default:
                return Unknown(instruction);
        }
    }

    private static string Register(BpfRegister register) => register == BpfRegister.R10 ? "r10" : $"r{(int)register}";

    private static string Size(byte code) => ((BpfSize)(code & 0x18)).TypeName();

    private static string Signed(short offset) => offset < 0 ? $"-{-offset}" : $"+{offset}";

    private static string Number(int value) => value is >= -9 and <= 9 ? value.ToString(CultureInfo.InvariantCulture) : Hex(value);

    private static string Hex(long value) => value < 0 ? $"-0x{-value:x}" : $"0x{value:x}";

    private static string Unknown(BpfInstruction instruction) => $"(unknown opcode 0x{instruction.Code:x2})";
}
