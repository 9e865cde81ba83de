using Tapline.Passes.Pipeline;

namespace Tapline.Tests.Live;

/// <summary>process("PATH").function probes on a gcc-built program: every call and return, with arguments and values exact.</summary>
[Collection(LiveCollection.Name)]
public sealed class LiveUprobeTests
{
    private const int Calls = 1000;

    private static string Program => Workloads.Path("uprobe_target", "-g", "-O1");

    private static (string Output, string Errors) Run(string script, string? command = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var diagnostics = TestPipeline.RunAll(script, "uprobes.stp",
            new RunOptions { Command = command ?? $"{Program} {Calls} /tmp/tapline-uprobe", Duration = TimeSpan.FromSeconds(60) },
            output, errors, cacheDirectory: LiveCollection.CacheDirectory);
        Assert.Equal(0, diagnostics.Count);
        Assert.Equal(0, LiveCollection.PerfDescriptors());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
        return (output.ToString(), errors.ToString());
    }

    [LiveKernelFact]
    public void Every_call_and_return_of_a_function_is_seen_with_its_arguments_and_value()
    {
        var (output, errors) = Run(
            $"global calls, returns, returned, wrong " +
            $"probe process(\"{Program}\").function(\"add\") {{ if (pointer_arg(2) != 2 * pointer_arg(1)) wrong++; calls++ }} " +
            $"probe process(\"{Program}\").function(\"add\").return {{ returned[$return]++; returns++ }} " +
            "probe end { printf(\"%d calls, %d wrong, %d returns\\n\", calls, wrong, returns) ; for (i = 0; i < " + Calls + "; i++) if (returned[3 * i] != 1) printf(\"missing %d\\n\", 3 * i) }");

        Assert.Equal("", errors);
        Assert.Equal($"{Calls} calls, 0 wrong, {Calls} returns\n", output);
    }

    [LiveKernelFact]
    public void A_string_argument_is_copied_at_the_call_before_the_program_overwrites_it()
    {
        var (output, errors) = Run($"probe process(\"{Program}\").function(\"name_length\") {{ println(user_string(pointer_arg(1))) }}");

        Assert.Equal("", errors);
        Assert.Equal(string.Concat(Enumerable.Range(0, Calls).Select(i => $"/tmp/tapline-uprobe-{i}\n")), output);
    }

    [LiveKernelFact]
    public void Without_a_command_the_probe_sees_every_process_that_runs_the_program()
    {
        using var interrupt = new CancellationTokenSource();
        var output = new StringWriter();
        var program = Program;
        var run = Task.Run(() => TestPipeline.RunAll($"global n probe process(\"{program}\").function(\"add\") {{ n++ }} probe end {{ println(n) }}",
            "every.stp", new RunOptions(), output, new StringWriter(), interrupt.Token, LiveCollection.CacheDirectory));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (LiveCollection.BpfDescriptors() == 0 && !run.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(10);
        Thread.Sleep(100);
        Assert.Equal(0, Workloads.Run(program, "300", "/tmp/a").ExitCode);
        Assert.Equal(0, Workloads.Run(program, "200", "/tmp/b").ExitCode);
        Thread.Sleep(300);
        interrupt.Cancel();

        Assert.Equal(0, run.Result.Count);
        Assert.Equal("500\n", output.ToString());
        Assert.Equal(0, LiveCollection.BpfDescriptors());
    }

    [LiveKernelFact(needs: "/usr/include/x86_64-linux-gnu/sys/sdt.h")]
    public void A_marker_gives_its_arguments_and_its_semaphore_tells_the_program_a_tracer_is_there()
    {
        var marked = Workloads.Path("sdt_target", "-g", "-O1");
        var (output, errors) = Run(
            $"global sum, negatives, sevens, guarded probe process(\"{marked}\").mark(\"tick\") {{ sum += $arg1; if ($arg2 == -$arg1) negatives++; if ($arg3 == 7) sevens++ }} " +
            $"probe process(\"{marked}\").mark(\"guarded\") {{ guarded++ }} probe end {{ printf(\"%d %d %d %d\\n\", sum, negatives, sevens, guarded) }}",
            $"{marked} {Calls}");

        Assert.Equal("", errors);
        // The guarded marker runs only while its semaphore is raised: every time, since the probe raised it.
        Assert.Equal($"{Calls * (Calls - 1L) / 2} {Calls} {Calls} {Calls}\n", output);
    }

    [LiveKernelFact]
    public void A_statement_at_a_functions_address_fires_on_every_call()
    {
        var add = Tapline.Tracing.Elf.ElfFunctions.Read(Program).Functions.Single(f => f.Name == "add");
        var (output, errors) = Run($"global n probe process(\"{Program}\").statement(0x{add.Address:x}) {{ n++ }} probe end {{ println(n) }}");

        Assert.Equal("", errors);
        Assert.Equal($"{Calls}\n", output);
    }

    [LiveKernelFact]
    public void Uprobes_that_share_one_link_still_reach_each_its_own_handler()
    {
        var (output, errors) = Run($"global adds, lengths probe process(\"{Program}\").function(\"add\") {{ adds++ }} " +
            $"probe process(\"{Program}\").function(\"name_length\") {{ lengths += 2 }} probe end {{ printf(\"%d %d\\n\", adds, lengths) }}");

        Assert.Equal("", errors);
        Assert.Equal($"{Calls} {2 * Calls}\n", output);
    }

    [LiveKernelFact]
    public void With_a_command_the_probe_sees_only_the_commands_processes()
    {
        var program = Program;
        using var stop = new CancellationTokenSource();
        // Another process runs the same program over and over while the command runs.
        var other = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                Workloads.Run(program, "50", "/tmp/other");
        });
        try
        {
            var (output, errors) = Run($"global n probe process(\"{program}\").function(\"add\") {{ n++ }} probe end {{ println(n) }}",
                $"{program} 300 /tmp/mine");

            Assert.Equal("", errors);
            Assert.Equal("300\n", output);
        }
        finally
        {
            stop.Cancel();
            other.Wait();
        }
    }
}
