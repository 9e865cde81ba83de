using Tapline.Passes.Attachments;
using Tapline.Passes.Run;
using Tapline.Runtime;

namespace Tapline.Tests.Run;

/// <summary>How pass 5 reaches a tracepoint's handlers: the syscall table from each attachment's syscall number.</summary>
public sealed class DispatchTests
{
    private static AttachedHandler<TracepointAttachment> Handler(string point, long? syscall = null) =>
        new(new ProbeHandler(point, _ => { }), new TracepointAttachment("raw_syscalls", "sys_exit", IsReturn: true) { SyscallNumber = syscall });

    [Fact]
    public void Gated_handlers_are_reached_by_syscall_number_with_ungated_ones_in_script_order()
    {
        var any = Handler("any");
        var read = Handler("read", 0);
        var write = Handler("write", 1);
        var last = Handler("last");
        var handlers = new TracepointHandlers([any, read, write, last]);

        Assert.True(handlers.DispatchesBySyscall);
        Assert.True(handlers.IsReturn);
        Assert.Equal(["any", "read", "last"], handlers.For(0).Select(h => h.Point));
        Assert.Equal(["any", "write", "last"], handlers.For(1).Select(h => h.Point));
        Assert.Equal(["any", "last"], handlers.For(2).Select(h => h.Point));
        Assert.Equal(["any", "last"], handlers.For(-1).Select(h => h.Point));
    }

    [Fact]
    public void Without_gates_every_event_runs_every_handler()
    {
        var handlers = new TracepointHandlers([Handler("a"), Handler("b")]);
        Assert.False(handlers.DispatchesBySyscall);
        Assert.Equal(["a", "b"], handlers.Ungated.Select(h => h.Point));
    }
}
