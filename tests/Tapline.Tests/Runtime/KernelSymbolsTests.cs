using System.Globalization;
using Tapline.Runtime;
using Tapline.Tests.Live;

namespace Tapline.Tests.Runtime;

/// <summary>symname and symdata against /proc/kallsyms (which shows addresses to root only).</summary>
public sealed class KernelSymbolsTests
{
    [LiveKernelFact]
    public void Symname_NamesTheFunctionHoldingAnAddress_AndSymdataItsOffsetAndSize()
    {
        var schedule = File.ReadLines("/proc/kallsyms").Select(l => l.Split(' ')).First(f => f.Length == 3 && f[1] == "T" && f[2] == "schedule");
        var address = long.Parse(schedule[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        Assert.Equal("schedule", KernelSymbols.Name(address));
        Assert.Equal("schedule", KernelSymbols.Name(address + 3));
        Assert.Matches(@"^schedule\+0x3/0x[0-9a-f]+$", KernelSymbols.Describe(address + 3));
    }

    [LiveKernelFact]
    public void Symname_GivesAnAddressNoSymbolHoldsAsPointer()
    {
        Assert.Equal("0x0000000000001000", KernelSymbols.Name(0x1000));
        Assert.Equal("0x0000000000001000", KernelSymbols.Describe(0x1000));
    }

    [Fact]
    public void SignalName_IsTheCName_OrTheNumberInHex()
    {
        Assert.Equal("SIGSEGV", Signals.Name(11));
        Assert.Equal("0x21", Signals.Name(33));
        // stap's table: 0 is SIG_0, SIGSTKFLT is not in it, SIGIO shows its other name.
        Assert.Equal(("SIG_0", "0x10", "SIGIO/SIGPOLL"), (Signals.Name(0), Signals.Name(16), Signals.Name(29)));
    }
}
