using Tapline.Tracing.Bpf;
using static Tapline.Tracing.Bpf.BpfRegister;

namespace Tapline.Tests.Tracing.Bpf;

public sealed class BpfProgramBuilderTests
{
    [Fact]
    public void Instructions_encode_as_the_kernel_lays_out_struct_bpf_insn()
    {
        var program = new BpfProgramBuilder()
            .Move(R6, R1)
            .Load(BpfSize.Double, R3, R6, 24)
            .StoreImmediate(BpfSize.Word, R10, -4, 0)
            .MoveImmediate32(R3, -1)
            .Call(BpfHelper.ProbeReadUserString)
            .Exit()
            .Build();

        var bytes = program.Encode(new Dictionary<string, int>());

        Assert.Equal(
            "bf16000000000000" + "7963180000000000" + "620afcff00000000" + "b4030000ffffffff" + "8500000072000000" + "9500000000000000",
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void A_jump_to_a_label_becomes_the_offset_from_the_next_instruction()
    {
        var code = new BpfProgramBuilder();
        var done = code.NewLabel("done");
        code.JumpIf(BpfJump.Equal, R0, 0, done).MoveImmediate(R0, 1).MoveImmediate(R0, 2).Mark(done).Exit();

        var program = code.Build();

        Assert.Equal(2, program.Instructions[0].Offset);
        Assert.Contains("0: if r0 == 0 goto 3", BpfDisassembler.Print(program));
    }

    [Fact]
    public void A_map_load_takes_two_instructions_and_gets_the_descriptor_when_encoded()
    {
        var program = new BpfProgramBuilder().LoadMap(R1, "output").Exit().Build();

        var bytes = program.Encode(new Dictionary<string, int> { ["output"] = 7 });

        Assert.Equal(3, program.Instructions.Length);
        Assert.Equal(0x18, bytes[0]);
        Assert.Equal(0x11, bytes[1]); // dst r1, src BPF_PSEUDO_MAP_FD
        Assert.Equal(7, BitConverter.ToInt32(bytes, 4));
        Assert.Equal("   0: r1 = map[output]\n   2: exit\n", BpfDisassembler.Print(program));
    }

    [Fact]
    public void A_map_the_program_names_but_nobody_created_is_an_error_on_encoding()
    {
        var program = new BpfProgramBuilder().LoadMap(R1, "output").Exit().Build();

        var error = Assert.Throws<InvalidOperationException>(() => program.Encode(new Dictionary<string, int>()));
        Assert.Contains("'output'", error.Message);
    }

    [Fact]
    public void A_label_never_bound_is_an_error_on_building()
    {
        var code = new BpfProgramBuilder();
        code.Jump(code.NewLabel("nowhere"));

        var error = Assert.Throws<InvalidOperationException>(code.Build);
        Assert.Contains("'nowhere'", error.Message);
    }

    [Fact]
    public void The_disassembly_prints_notes_above_the_instructions_they_mark()
    {
        var program = new BpfProgramBuilder().Note("openat: filename").Load(BpfSize.Word, R1, R6, 8).Store(BpfSize.Half, R7, -2, R1).Exit().Build();

        Assert.Equal(
            "; openat: filename\n   0: r1 = *(u32 *)(r6 +8)\n   1: *(u16 *)(r7 -2) = r1\n   2: exit\n",
            BpfDisassembler.Print(program));
    }
}
