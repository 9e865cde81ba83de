using Tapline.Passes.Attachments;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Pipeline;
using Tapline.Tracing.Catalog;

namespace Tapline.Passes.Translate;

/// <summary>
/// Pass 3: turns the resolved program into the C# source of one probe module, a handler
/// per resolved probe (so `syscall.*.return` gives hundreds, `syscall_any.return` one).
/// </summary>
public sealed class TranslatePass(string sourceName, string moduleName) : IPass<ElaboratedProgram, TranslatedModule>
{
    public PassInfo Info { get; } = new(3, PassNames.Translate);

    public TranslatedModule Run(ElaboratedProgram input, PassContext context)
    {
        var maxEntries = context.Options.Limits.MaxMapEntries;
        var catalog = context.Services.Find<ITracepointCatalog>();
        var functions = input.Functions.ToDictionary(f => f.Symbol);
        var captures = new CapturePlanner(catalog, CaptureCapacity(context.Options.Limits.Run.MaxStringLength), context.Options.LateUserReads, context.Diagnostics);
        var attachments = new Dictionary<BoundProbe, ProbeAttachment>();
        foreach (var probe in input.Probes)
        {
            var format = FormatOf(probe, catalog);
            var readsUserMemory = captures.Plan(probe, format, functions);
            if (probe.Point.Attachment is TracepointAttachment tracepoint)
                attachments[probe] = tracepoint with { KernelFilter = KernelFilter.Of(probe, format), ReadsUserMemory = readsUserMemory };
        }
        var writer = new ModuleWriter(input, sourceName, moduleName, maxEntries, context.Diagnostics, attachments);
        var source = writer.Write();
        return new TranslatedModule(moduleName, source, input.Probes.Length, [.. writer.Attachments]) { Captures = captures.Programs() };
    }

    /// <summary>
    /// How much of a string the capture program copies: MAXSTRINGLEN bytes with the NUL, as stap's
    /// `user_string` reads, in whole 8-byte words.
    /// </summary>
    private static int CaptureCapacity(int maxStringLength) => (maxStringLength + 7) & ~7;

    private static TracepointFormat? FormatOf(BoundProbe probe, ITracepointCatalog? catalog) =>
        catalog is not null && probe.Point.Attachment is TracepointAttachment tracepoint
            ? catalog.Find(new TracepointName(tracepoint.System, tracepoint.Name))
            : null;
}
