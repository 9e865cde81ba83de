using System.Buffers.Binary;
using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;
using Tapline.Passes.Plugins;
using Tapline.Passes.Run;
using Tapline.Passes.Syntax;
using Tapline.Runtime;
using Tapline.Tracing.Catalog;
using Tapline.Tracing.Events;

namespace Tapline.Tests.Run;

/// <summary>
/// A probe family defined here, outside Tapline's sources, as a plug-in would: `counter(N)` fires
/// N times with `$n` from 1 to N, from an event source of its own. It resolves in pass 2,
/// translates in pass 3 and runs in pass 5 through the same handler table as the built-in ones.
/// </summary>
public sealed class PluginFamilyTests
{
    private sealed record CounterAttachment(long Count) : ProbeAttachment;

    private sealed record CounterPoint(long Count) : ResolvedProbePoint($"counter({Count})")
    {
        public override ProbeAttachment Attachment => new CounterAttachment(Count);

        public override IReadOnlyList<ContextVariableSymbol> ContextVariables { get; } = [new("n", ScriptType.Long, "long")];
    }

    private sealed class CounterProvider : IProbeProvider
    {
        public IReadOnlyCollection<string> Roots { get; } = ["counter"];

        public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components) =>
            components is [{ Argument: NumberLiteralSyntax { Value: > 0 } count }]
                ? ProbeResolution.Of(new CounterPoint(count.Value))
                : ProbeResolution.Fail("counter(N) takes a positive count");
    }

    /// <summary>Serves `counter(N)`; <paramref name="failToOpen"/> and <paramref name="failToName"/> make it fail as a broken plug-in's would.</summary>
    private sealed class CounterFamily(bool failToOpen = false, bool failToName = false) : IEventSourceFamily
    {
        public bool Opened { get; private set; }
        public bool Closed { get; private set; }

        public bool Serves(ProbeAttachment attachment) => attachment is CounterAttachment;

        public string StreamOf(ProbeAttachment attachment) =>
            failToName ? throw new NotSupportedException("no stream for counters today") : $"counter:{((CounterAttachment)attachment).Count}";

        public IEventSource Open(IReadOnlyList<ProbeAttachment> attachments)
        {
            if (failToOpen)
                throw new InvalidOperationException("the counter device is gone");
            Opened = true;
            return new CounterSource(this, [.. attachments.Cast<CounterAttachment>()]);
        }

        public void Close() => Closed = true;
    }

    /// <summary>Every counter's N events at the first turn of the run loop, then no more.</summary>
    private sealed class CounterSource(CounterFamily family, CounterAttachment[] counters) : IEventSource
    {
        private static readonly TracepointField Field = new("long n", "n", "long", 0, 8, true, null, false);

        public bool Deliver(ITraceEventHandler handler, long time)
        {
            foreach (var counter in counters)
            {
                var format = new EventFormat(new TracepointFormat("counter", counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), -1, [Field]));
                var raw = new byte[8];
                for (var n = 1L; n <= counter.Count; n++)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(raw, n);
                    handler.Handle(new TraceEvent(format, time, 0, Environment.ProcessId, Environment.ProcessId, raw));
                }
            }
            return false;
        }

        public void Dispose() => family.Close();
    }

    private static (string Output, string Diagnostics) Run(string script, CounterFamily family, RunOptions? run = null)
    {
        var registration = new PluginRegistration().AddProbeFamily(new CounterProvider(), family);
        var output = new StringWriter();
        var diagnostics = TestPipeline.RunAll(script, "counter.stp", run ?? new RunOptions(), output, new StringWriter(), plugins: registration);
        return (output.ToString(), TestParser.Describe(diagnostics));
    }

    [Fact]
    public void AFamilyFromOutside_ResolvesTranslatesAndRunsOnItsOwnEvents()
    {
        var family = new CounterFamily();
        var (output, diagnostics) = Run("probe counter(3) { printf(\"%s %d\\n\", pp(), $n) if ($n == 3) exit() }", family);

        Assert.Equal("", diagnostics);
        Assert.Equal("counter(3) 1\ncounter(3) 2\ncounter(3) 3\n", output);
        Assert.True(family.Opened && family.Closed);
    }

    [Fact]
    public void AFamilysPoint_IsCheckedByItsProvider_InPass2()
    {
        var (_, diagnostics) = Run("probe counter(0) { }", new CounterFamily());

        Assert.Contains("STP2002", diagnostics);
        Assert.Contains("counter(N) takes a positive count", diagnostics);
    }

    [Fact]
    public void AFamilyWhoseSourceFailsToOpen_IsReportedWithItsReason_AndNothingRuns()
    {
        var (output, diagnostics) = Run("probe begin { println(\"begun\") } probe counter(1) { println($n) }", new CounterFamily(failToOpen: true));

        Assert.Contains("STP5015", diagnostics);
        Assert.Contains("cannot open the events of probe counter(1): the counter device is gone", diagnostics);
        Assert.Equal("", output);
    }

    [Fact]
    public void AFamilyThatFailsToNameItsStream_IsReportedWithItsReason_AndNothingRuns()
    {
        var (output, diagnostics) = Run("probe begin { println(\"begun\") } probe counter(1) { println($n) }", new CounterFamily(failToName: true));

        Assert.Contains("cannot open the events of probe counter(1): no stream for counters today [STP5015]", diagnostics);
        Assert.Equal("", output);
    }

    [Fact]
    public void AFamilysHandlers_AreRefusedInAReplay_WhichHoldsNoneOfItsEvents()
    {
        var recording = Path.Combine(Repository.Root, "tests", "recordings", "syscalls.perf.data");
        var (output, diagnostics) = Run("probe counter(1) { println($n) }", new CounterFamily(), new RunOptions { RecordingPath = recording });

        Assert.Contains("STP5014", diagnostics);
        Assert.Equal("", output);
    }
}
