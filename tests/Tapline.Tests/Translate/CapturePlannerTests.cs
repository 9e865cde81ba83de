using Tapline.Tests.Cli;

namespace Tapline.Tests.Translate;

public sealed class CapturePlannerTests
{
    private static string Translate(string script)
    {
        var (output, diagnostics) = TestPipeline.Run(script, 3);
        Assert.Equal(0, diagnostics.Count);
        return output;
    }

    [Fact]
    public void A_syscall_alias_s_string_read_gets_a_kernel_side_copy_of_its_pointer_field()
    {
        var output = Translate("probe syscall.openat { println(filename) }");

        Assert.Contains("SyscallNumber = 257, KernelFilter = , ReadsUserMemory = True }", output);
        Assert.Contains("// Kernel-side program for raw_syscalls:sys_enter: ", output);
        Assert.Matches(@"// ; user_string_quoted at .*syscalls\.stp:\d+:\d+: the string at \$args\[1\], at most 512 bytes", output);
        Assert.Contains("if r8 == 0x101 goto", output);
        Assert.Contains("call probe_read_user_str", output);
        Assert.Contains("call perf_event_output", output);
    }

    [Fact]
    public void A_string_the_handler_never_uses_is_elided_and_never_copied()
    {
        var output = Translate("global n probe syscall.openat { n++ }");

        Assert.DoesNotContain("Kernel-side program", output);
        Assert.DoesNotContain("ReadsUserMemory = True", output);
    }

    [Fact]
    public void An_address_passed_to_a_function_is_followed_to_its_read()
    {
        var output = Translate("function show(a) { println(user_string(a)) } probe kernel.trace(\"raw_syscalls:sys_enter\") { show($args[0]) }");

        Assert.Contains("// ; user_string at test.stp:1:28: the string at $args[0], at most 512 bytes", output);
        Assert.DoesNotContain("if r8 ==", output); // the handler takes every event: no syscall gate
    }

    [Fact]
    public void An_address_computed_from_a_field_cannot_be_copied_and_is_refused_with_the_reason()
    {
        var (_, diagnostics) = TestPipeline.Run("probe kernel.trace(\"raw_syscalls:sys_enter\") { p = $args[1] + 8; println(user_string(p)) }", 3);

        var error = Assert.Single(diagnostics);
        Assert.Equal("STP3002", error.Id);
        Assert.Equal("test.stp:1:74", error.Location!.Value.ToString());
        Assert.Equal("user_string reads the traced process's memory, which cannot be copied when the event fires: its address is not a field of " +
            "raw_syscalls:sys_enter, so it is not known when the event fires (--late-user-reads reads it afterwards, when it may have changed)", error.Message);
    }

    [Fact]
    public void A_local_given_two_different_fields_is_no_one_field_and_is_refused()
    {
        var (_, diagnostics) = TestPipeline.Run(
            "probe kernel.trace(\"raw_syscalls:sys_enter\") { p = $args[0]; if ($id == 2) p = $args[1]; println(user_string(p)) }", 3);

        Assert.Equal("STP3002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void With_late_user_reads_an_address_that_cannot_be_copied_is_left_to_be_read_later()
    {
        var (code, stdout, stderr) = CommandRuns.InProcess(
            "-p3", "--late-user-reads", "-e", "probe kernel.trace(\"raw_syscalls:sys_enter\") { println(user_string($args[1] + 8)) }");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.DoesNotContain("Kernel-side program", stdout);
    }

    [Fact]
    public void A_perf_sample_has_no_record_to_copy_user_memory_with()
    {
        var (_, diagnostics) = TestPipeline.Run("probe perf.sw.cpu_clock { println(user_string(42)) }", 3);

        Assert.Contains(diagnostics, d => d.Id == "STP3002" && d.Message.Contains("has no record to copy it with"));
    }
}
