using System.Text.RegularExpressions;

namespace Tapline.Tests.Translate;

/// <summary>Pass 3's kernel filters: written into the handler table only where the handler provably does nothing else.</summary>
public sealed class KernelFilterTests
{
    private static string[] Filters(string script)
    {
        var (output, diagnostics) = TestPipeline.Run(script, 3);
        Assert.Equal(0, diagnostics.Count);
        // Each handler's attachment is a comment above it in the table: `// TracepointAttachment { ..., KernelFilter = ret < 0, ReadsUserMemory = False }`.
        return Regex.Matches(output, @"KernelFilter = (.+), ReadsUserMemory = \w+ \}$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToArray();
    }

    [Fact]
    public void The_seeds_errno_script_on_every_syscall_filters_on_the_return_value() =>
        Assert.Equal(["ret < 0"], Filters(File.ReadAllText(Path.Combine(Repository.Examples, "errno.stp"))));

    [Fact]
    public void The_syscall_any_form_filters_too_because_syscall_name_is_total() =>
        Assert.Equal(["ret < 0"], Filters(File.ReadAllText(Path.Combine(Repository.Examples, "errno_any.stp"))));

    [Theory]
    [InlineData("function f:long (x:long) { return x } global n probe kernel.trace(\"raw_syscalls:sys_exit\") { y = f($id) if ($ret < 0) n += y }")]
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { s = errno_str($ret) if ($ret < 0) { n++ println(s) } }")]
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { s = user_string($ret) if ($ret < 0) { n++ println(s) } }")]
    public void A_call_that_is_not_marked_total_is_not_proven_harmless(string script) =>
        Assert.Empty(Filters(script));

    [Theory]
    [InlineData("global n probe syscall.openat.return { if (retval == -2) n++ }", "ret == -2")]
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { if ($ret < 0 && $id == 257) n++ }", "(ret < 0) && (id == 257)")]
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { r = $ret if (0 > r) next n++ }", "!(ret < 0)")]
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { if (!($ret >= 0) || $id != 0) n++ }", "(!(ret >= 0)) || (id != 0)")]
    public void Conditions_on_the_tracepoints_own_fields_become_filters(string script, string filter) =>
        Assert.Equal([filter], Filters(script));

    [Theory]
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { n++ if ($ret < 0) n++ }")]                 // a side effect first
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { if ($ret < 0) n++ else n-- }")]             // an else branch
    [InlineData("global n, m probe kernel.trace(\"raw_syscalls:sys_exit\") { if ($ret < m) n++ }")]                   // a global in the condition
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { if ($ret < 0) n++ n-- }")]                  // something after the if
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") { x = 1 / $ret if ($ret < 0) n += x }")]       // an assignment that can fail
    [InlineData("global n probe kernel.trace(\"sched:sched_switch\") { if ($prev_comm == \"bash\") n++ }")]            // a string field
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_enter\") { if ($args[0] < 0) n++ }")]                 // an array element
    [InlineData("global n probe kernel.trace(\"raw_syscalls:sys_exit\") if (n < 5) { if ($ret < 0) n++ }")]           // a probe condition
    public void Anything_the_filter_cannot_stand_for_leaves_the_handler_unfiltered(string script) =>
        Assert.Empty(Filters(script));
}
