using Tapline.Passes.Attachments;
using Tapline.Tapsets.Providers;

namespace Tapline.Tests.Tapsets;

/// <summary>The aliases stap's tapsets build on tracepoints, resolved on this kernel's tracepoints with their variables.</summary>
public sealed class EventAliasTests
{
    [Theory]
    [InlineData("signal.send", "signal:signal_generate", "sig sig_name sig_pid pid_name task shared name")]
    [InlineData("signal.handle", "signal:signal_deliver", "sig sig_name sig_code name")]
    [InlineData("scheduler.ctxswitch", "sched:sched_switch", "prev_pid prev_tid next_pid next_tid prev_priority next_priority prev_task_name next_task_name prevtsk_state nexttsk_state name")]
    [InlineData("scheduler.cpu_off", "sched:sched_switch", "task_prev task_next idle name")]
    [InlineData("scheduler.wakeup", "sched:sched_wakeup", "task task_pid task_tid task_priority task_cpu task_state name")]
    [InlineData("scheduler.wakeup_new", "sched:sched_wakeup_new", "task task_pid task_tid task_priority task_cpu name")]
    [InlineData("scheduler.migrate", "sched:sched_migrate_task", "task pid priority cpu_from cpu_to name")]
    [InlineData("scheduler.process_fork", "sched:sched_process_fork", "parent_pid child_pid name")]
    [InlineData("scheduler.process_exit", "sched:sched_process_exit", "pid priority name")]
    [InlineData("scheduler.process_free", "sched:sched_process_free", "pid priority name")]
    [InlineData("scheduler.process_wait", "sched:sched_process_wait", "pid name")]
    [InlineData("scheduler.signal_send", "signal:signal_generate", "pid signal_number name")]
    [InlineData("scheduler.kthread_stop", "sched:sched_kthread_stop", "thread_pid name")]
    [InlineData("scheduler.kthread_stop.return", "sched:sched_kthread_stop_ret", "return_value name")]
    [InlineData("scheduler.wait_task", "sched:sched_wait_task", "task_pid task_priority name")]
    [InlineData("kprocess.create", "sched:sched_process_fork", "task new_pid new_tid")]
    [InlineData("kprocess.exit", "sched:sched_process_exit", "")]
    [InlineData("kprocess.release", "sched:sched_process_free", "task released_pid released_tid")]
    [InlineData("kprocess.exec", "raw_syscalls:sys_enter", "filename")]
    [InlineData("kprocess.exec_complete", "raw_syscalls:sys_exit", "errno success")]
    [InlineData("irq_handler.entry", "irq:irq_handler_entry", "irq dev_name")]
    [InlineData("irq_handler.exit", "irq:irq_handler_exit", "irq ret")]
    [InlineData("softirq.entry", "irq:softirq_entry", "vec_nr")]
    [InlineData("softirq.exit", "irq:softirq_exit", "vec_nr")]
    [InlineData("netdev.receive", "net:netif_receive_skb", "dev_name length")]
    [InlineData("netdev.transmit", "net:net_dev_queue", "dev_name length")]
    [InlineData("socket.send", "sock:sock_send_length", "name family protocol flags size success")]
    [InlineData("socket.receive", "sock:sock_recv_length", "name family protocol flags size success")]
    [InlineData("ioblock.request", "block:block_bio_queue", "name devname sector size rw")]
    [InlineData("ioblock.end", "block:block_bio_complete", "name devname sector size bytes_done error rw")]
    [InlineData("vm.kmalloc", "kmem:kmalloc", "name call_site caller_function bytes_req bytes_alloc gfp_flags ptr")]
    [InlineData("vm.kmem_cache_alloc", "kmem:kmem_cache_alloc", "name call_site caller_function bytes_req bytes_alloc gfp_flags ptr")]
    [InlineData("vm.kfree", "kmem:kfree", "name call_site caller_function ptr")]
    [InlineData("vm.kmem_cache_free", "kmem:kmem_cache_free", "name call_site caller_function ptr")]
    public void Alias_ResolvesToItsTracepoint_AndSetsStapsVariables(string alias, string tracepoint, string variables)
    {
        var names = variables.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var reads = "x .= \"\" " + string.Concat(names.Select(n => $"x .= sprint({n}) "));
        var (program, diagnostics) = TestPipeline.Elaborate($"global x\nprobe {alias} {{ {reads} }}\nprobe end {{ print(x) }}");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        var probe = Assert.Single(program.Probes, p => p.Point is TracepointProbePoint);
        Assert.Equal($"kernel.trace(\"{tracepoint}\")", probe.Point.Text);
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("never-assigned"));
    }

    [Fact]
    public void PageFault_ProbesTheUserAndTheKernelFaults()
    {
        var (program, diagnostics) = TestPipeline.Elaborate("probe vm.pagefault { printf(\"%x %d\\n\", address, write_access) }");
        Assert.True(program is not null, TestParser.Describe(diagnostics));
        Assert.Equal(["kernel.trace(\"exceptions:page_fault_user\")", "kernel.trace(\"exceptions:page_fault_kernel\")"],
            program.Probes.Select(p => p.Point.Text).ToArray());
    }

    [Theory]
    [InlineData("kprocess.start", "kprobes")]
    [InlineData("scheduler.tick", "kprobes")]
    [InlineData("signal.checkperm", "kprobes")]
    [InlineData("tcp.sendmsg", "stap's tcp tapset probes kernel functions")]
    [InlineData("udp.recvmsg", "stap's udp tapset probes kernel functions")]
    [InlineData("nfs.proc.read", "stap's nfs tapset probes kernel functions")]
    [InlineData("socket.create", "stap's socket tapset probes kernel functions")]
    public void KernelFunctionPoints_AreRefusedWithTheReason(string point, string reason)
    {
        var (program, diagnostics) = TestPipeline.Elaborate($"probe {point} {{ }}");
        Assert.Null(program);
        Assert.Contains(diagnostics, d => d.Id == "STP2002" && d.Message.Contains(reason));
    }

    [Fact]
    public void ProcessPathBegin_IsTheExecOfThatProgram_FoundInPath()
    {
        var (program, diagnostics) = TestPipeline.Elaborate("probe process(\"sh\").begin { println(pid()) }");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        // Its exec of the program, and once for each process running it when the run starts.
        Assert.Equal(["ExistingProcessAttachment", "TracepointAttachment"], program.Probes.Select(p => p.Point.Attachment.GetType().Name).Order());
        var probe = program.Probes.Single(p => p.Point.Attachment is TracepointAttachment);
        Assert.Equal("sched_process_exec", ((TracepointAttachment)probe.Point.Attachment).Name);
        Assert.Matches("^process\\(\"/[^\"]+\"\\)\\.begin$", probe.Point.Text); // pp() is stap's: the program's real path
        Assert.Contains("process(\"sh\").begin", probe.Chain);
    }

    [Theory]
    [InlineData("process(\"no-such-program-here\").begin", "no program 'no-such-program-here' was found")]
    [InlineData("process(\"/bin/sh\").function(\"main\")", "matches 'main' (the file is stripped: only the functions it exports are known")]
    [InlineData("process(\"/bin/sh\").function(\"*\").call", "process(\"PATH\").plt probes, statements named by source line and .function(...).call/.inline need debuginfo")]
    [InlineData("process(\"/bin/sh\").mark(\"x\")", "no marker of '/usr/bin/dash' matches 'x' (it has no .note.stapsdt notes)")]
    [InlineData("process(\"/bin/sh\").plt(\"open\")", "process(\"PATH\").plt probes, statements named by source line and .function(...).call/.inline need debuginfo")]
    [InlineData("process(\"/bin/sh\").statement(0x7fffffff)", "no segment of '/usr/bin/dash' maps address 0x7fffffff")]
    [InlineData("process(\"/etc/hostname\").function(\"main\")", "cannot read the functions of '/etc/hostname': '/etc/hostname' is not a 64-bit ELF file")]
    public void OtherProcessPoints_AreRefusedWithTheReason(string point, string reason)
    {
        var (program, diagnostics) = TestPipeline.Elaborate($"probe {point} {{ }}");
        Assert.Null(program);
        Assert.Contains(diagnostics, d => d.Id == "STP2002" && d.Message.Contains(reason));
    }

    [Theory]
    [InlineData("process(42).end", "sched:sched_process_exit", "process(42).end")]
    [InlineData("process(42).thread.begin", "raw_syscalls:sys_exit", "process(42).thread.begin")]
    [InlineData("process(\"/bin/sh\").thread.end", "sched:sched_process_exit", null)]
    [InlineData("process.syscall", "raw_syscalls:sys_enter", "process.syscall")]
    [InlineData("process(7).syscall.return", "raw_syscalls:sys_exit", "process(7).syscall.return")]
    public void ProcessEvents_AreAliasesOnTracepoints_NamedAsStapNamesThem(string point, string tracepoint, string? text)
    {
        var (program, diagnostics) = TestPipeline.Elaborate($"probe {point} {{ }}");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        var probe = Assert.Single(program.Probes);
        Assert.Equal(tracepoint, probe.Point.Attachment is TracepointAttachment t ? $"{t.System}:{t.Name}" : null);
        if (text is not null)
            Assert.Equal(text, probe.Point.Text);
        else
            Assert.Matches("^process\\(\"/[^\"]+\"\\)\\.thread\\.end$", probe.Point.Text); // the program by its real path
    }

    [Theory]
    [InlineData("probe kernel.trace(\"sched:sched_switch\") { println($prev->pid + $next->prio, $next->comm, task_pid($prev)) }")]
    [InlineData("probe kernel.trace(\"sched:sched_process_fork\") { println($parent->pid, $child->comm, task_execname($child)) }")]
    [InlineData("probe kernel.trace(\"sched:sched_wakeup\") { println($p->pid, $p->comm) }")]
    public void TracepointTaskArguments_ReadWhatTheTracepointRecorded(string script)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script);
        Assert.True(program is not null, TestParser.Describe(diagnostics));
    }

    [Fact]
    public void TracepointTaskArguments_OtherMembersNeedDebuginfo()
    {
        var (program, diagnostics) = TestPipeline.Elaborate("probe kernel.trace(\"sched:sched_switch\") { println($prev->tgid) }");
        Assert.Null(program);
        Assert.Contains(diagnostics, d => d.Message.Contains("following '->' from '$prev'"));
    }

    [Fact]
    public void ProcessBegin_AlsoFiresForTheProcessesThatRunAtTheStart()
    {
        var (program, diagnostics) = TestPipeline.Elaborate("probe process(42).begin { }");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
        Assert.Equal(["ExistingProcessAttachment", "TracepointAttachment", "TracepointAttachment"],
            program.Probes.Select(p => p.Point.Attachment.GetType().Name).Order());
        Assert.All(program.Probes, p => Assert.Contains("process(42).begin", p.Chain));
    }

    [Fact]
    public void ProcessSyscall_NamesTheCallAndItsArguments_AsStapsDo()
    {
        var (program, diagnostics) = TestPipeline.Elaborate(
            "probe process.syscall { println($syscall + $arg1 + $arg6) } probe process.syscall.return { println($syscall + $return) }");

        Assert.True(program is not null, TestParser.Describe(diagnostics));
    }

    [Theory]
    [InlineData("probe process.syscall { println($arg7) }")]
    [InlineData("probe process.syscall { println($return) }")]
    [InlineData("probe process.syscall.return { println($arg1) }")]
    public void ProcessSyscall_HasOnlyStapsVariables(string script)
    {
        var (program, diagnostics) = TestPipeline.Elaborate(script);

        Assert.Null(program);
        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void SyscallReturn_NamesItsResultDollarReturn_AsStapsDo()
    {
        var (program, diagnostics) = TestPipeline.Elaborate("probe syscall.read.return { println($return + retval) }");
        Assert.True(program is not null, TestParser.Describe(diagnostics));

        var (entry, entryDiagnostics) = TestPipeline.Elaborate("probe syscall.read { println($return) }");
        Assert.Null(entry);
        Assert.Contains(entryDiagnostics, d => d.Id == "STP2009");
    }
}
