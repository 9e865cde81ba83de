using Tapline.Tests.Live;

namespace Tapline.Tests.Tapsets;

/// <summary>process("PATH").function points: resolved from the program's symbol table, translated with a program of the probe kind.</summary>
public sealed class UprobePointTests
{
    private static string Program => Workloads.Path("uprobe_target", "-g", "-O1");

    [Fact]
    public void A_wildcard_names_every_function_of_the_program_it_matches()
    {
        var (program, diagnostics) = TestPipeline.Elaborate($"probe process(\"{Program}\").function(\"*a*\") {{ }}");

        Assert.Equal(0, diagnostics.Count);
        var points = program!.Probes.Select(p => p.Point.Text).ToList();
        Assert.Contains($"process(\"{Program}\").function(\"add\")", points);
        Assert.Contains($"process(\"{Program}\").function(\"name_length\")", points);
        Assert.Contains($"process(\"{Program}\").function(\"main\")", points);
    }

    [Fact]
    public void A_function_no_symbol_names_is_refused_with_the_reason()
    {
        var (_, diagnostics) = TestPipeline.Elaborate($"probe process(\"{Program}\").function(\"no_such_function\") {{ }}");

        Assert.Contains(diagnostics, d => d.Id == "STP2002" && d.Message.Contains($"no function of '{Program}' matches 'no_such_function'"));
    }

    [Fact]
    public void Return_has_the_value_in_rax_and_an_entry_has_no_return_value()
    {
        var (_, entry) = TestPipeline.Elaborate($"probe process(\"{Program}\").function(\"add\") {{ println($return) }}");
        var (returned, diagnostics) = TestPipeline.Elaborate($"probe process(\"{Program}\").function(\"add\").return {{ println($return) }}");

        Assert.Contains(entry, d => d.Message.Contains("$return"));
        Assert.Equal(0, diagnostics.Count);
        Assert.NotNull(returned);
    }

    [Fact]
    public void Pass_3_writes_the_probe_kind_program_that_copies_the_registers_and_the_string_argument()
    {
        var (output, diagnostics) = TestPipeline.Run($"probe process(\"{Program}\").function(\"name_length\") {{ println(user_string(pointer_arg(1))) }}", 3);

        Assert.Equal(0, diagnostics.Count);
        Assert.Contains("// Kernel-side program for uprobe:uprobe_target-", output);
        Assert.Contains("// ; user_string at test.stp:1:", output);
        Assert.Contains(": the string at $di, at most 512 bytes", output);
        Assert.Contains("r1 = *(u64 *)(r6 +0)", output); // pt_regs.r15, the record's first register, from the context's start
    }

    [Fact]
    public void A_register_no_call_can_name_is_refused_for_a_string_read()
    {
        var (_, diagnostics) = TestPipeline.Run($"probe process(\"{Program}\").function(\"add\") {{ println(user_string(pointer_arg(1) + 1)) }}", 3);

        Assert.Contains(diagnostics, d => d.Id == "STP3002" && d.Message.Contains("its address is not a register of the probed thread"));
    }

    [Fact]
    public void Listing_a_programs_functions_gives_each_point_as_stap_spells_it()
    {
        var (code, stdout, stderr) = Tapline.Tests.Cli.CommandRuns.InProcess("-l", $"process(\"{Program}\").function(\"*_length\")");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal($"process(\"{Program}\").function(\"name_length\")\n", stdout);
    }
}
