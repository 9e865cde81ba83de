using Tapline.Passes.Run;
using Tapline.Runtime;

namespace Tapline.Tests.Run;

/// <summary>How pass 5 orders and reaches handlers: the syscall table, priorities.</summary>
public sealed class DispatchTests
{
    private static ProbeHandler Handler(string point, long? gate = null, string family = "tracepoint", long parameter = 0) =>
        new(point, family, family == "tracepoint" ? "raw_syscalls:sys_exit" : null, parameter, gate, _ => { });

    [Fact]
    public void Gated_handlers_are_reached_by_syscall_number_with_ungated_ones_in_script_order()
    {
        var any = Handler("any");
        var read = Handler("read", 0);
        var write = Handler("write", 1);
        var last = Handler("last");
        var handlers = new TracepointHandlers([any, read, write, last]);

        Assert.True(handlers.DispatchesBySyscall);
        Assert.Equal([any, read, last], handlers.For(0));
        Assert.Equal([any, write, last], handlers.For(1));
        Assert.Equal([any, last], handlers.For(2));
        Assert.Equal([any, last], handlers.For(-1));
    }

    [Fact]
    public void Without_gates_every_event_runs_every_handler()
    {
        var handlers = new TracepointHandlers([Handler("a"), Handler("b")]);
        Assert.False(handlers.DispatchesBySyscall);
        Assert.Equal(["a", "b"], handlers.Ungated.Select(h => h.Point));
    }
}
