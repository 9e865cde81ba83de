using Tapline.Passes.Attachments;
using Tapline.Passes.Run;
using Tapline.Runtime;

namespace Tapline.Tests.Run;

public sealed class HandlerTableTests
{
    private sealed class Module(params ProbeHandler[] handlers) : ProbeModule
    {
        public override IReadOnlyList<ProbeHandler> Handlers => handlers;
    }

    /// <summary>A kind of point no built-in source serves, as a plug-in family would have.</summary>
    private sealed record UsbAttachment : ProbeAttachment;

    private sealed class UsbFamily : IEventSourceFamily
    {
        public bool Serves(ProbeAttachment attachment) => attachment is UsbAttachment;

        public string StreamOf(ProbeAttachment attachment) => "usb:plugged";

        public IEventSource Open(IReadOnlyList<ProbeAttachment> attachments) => throw new EventSourceException("not opened in this test");
    }

    private static readonly Module ThreeHandlers = new(Handler("begin"), Handler("never"), Handler("usb.plugged"));

    private static readonly ProbeAttachment[] ThreeAttachments =
        [new SessionAttachment(SessionEvent.Begin, 0), new SessionAttachment(SessionEvent.Never, 0), new UsbAttachment()];

    private static ProbeHandler Handler(string point) => new(point, _ => { });

    [Fact]
    public void AHandlerOfAKindNoEventSourceServes_IsKeptAsUnserved_NotDropped()
    {
        var table = HandlerTable.Of(ThreeHandlers, ThreeAttachments);

        Assert.Equal("usb.plugged", Assert.Single(table.Unserved).Point);
        Assert.Single(table.Begin);
        Assert.Empty(table.Families);
    }

    [Fact]
    public void AHandlerOfAPlugInKind_GoesToTheFamilyThatServesIt()
    {
        var family = new UsbFamily();
        var table = HandlerTable.Of(ThreeHandlers, ThreeAttachments, new EventSourceFamilies([family]));

        Assert.Empty(table.Unserved);
        var served = Assert.Single(table.Families);
        Assert.Same(family, served.Family);
        Assert.Equal("usb.plugged", Assert.Single(served.Handlers).Handler.Point);
        Assert.Equal("usb.plugged", Assert.Single(table.FamilyStreams["usb:plugged"].All).Point);
    }

    [Fact]
    public void BeginProbes_RunByPriority_TiesInScriptOrder()
    {
        var module = new Module(Handler("a"), Handler("b"), Handler("c"), Handler("d"));
        var table = HandlerTable.Of(module,
            [new SessionAttachment(SessionEvent.Begin, 5), new SessionAttachment(SessionEvent.Begin, -1),
             new SessionAttachment(SessionEvent.Begin, 5), new SessionAttachment(SessionEvent.End, 0)]);

        Assert.Equal(["b", "a", "c"], table.Begin.Select(h => h.Point));
        Assert.Equal("d", Assert.Single(table.End).Point);
    }

    [Fact]
    public void AModuleWhoseTableDisagreesWithItsAttachments_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => HandlerTable.Of(ThreeHandlers, ThreeAttachments[..2]));
}
