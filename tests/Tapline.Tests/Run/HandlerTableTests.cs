using Tapline.Passes.Run;
using Tapline.Runtime;

namespace Tapline.Tests.Run;

public sealed class HandlerTableTests
{
    private sealed class Module(params ProbeHandler[] handlers) : ProbeModule
    {
        public override IReadOnlyList<ProbeHandler> Handlers => handlers;
    }

    private static ProbeHandler Handler(string point, string family) => new(point, family, null, 0, null, _ => { });

    [Fact]
    public void AHandlerOfAFamilyNoEventSourceServes_IsKeptAsUnserved_NotDropped()
    {
        var table = HandlerTable.Of(new Module(Handler("begin", "begin"), Handler("never", "never"), Handler("usb.plugged", "usb")));

        Assert.Equal("usb.plugged", Assert.Single(table.Unserved).Point);
        Assert.Single(table.Begin);
    }
}
