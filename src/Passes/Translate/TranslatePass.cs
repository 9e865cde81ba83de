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
        var filters = input.Probes
            .Select(probe => (probe, filter: KernelFilter.Of(probe, FormatOf(probe, catalog))))
            .Where(p => p.filter is not null)
            .ToDictionary(p => p.probe, p => p.filter!);
        var writer = new ModuleWriter(input, sourceName, moduleName, maxEntries, context.Diagnostics, filters);
        var source = writer.Write();
        return new TranslatedModule(moduleName, source, input.Probes.Length, [.. writer.Attachments]);
    }

    private static TracepointFormat? FormatOf(BoundProbe probe, ITracepointCatalog? catalog) =>
        catalog is not null && probe.Point.Attachment is TracepointAttachment tracepoint
            ? catalog.Find(new TracepointName(tracepoint.System, tracepoint.Name))
            : null;
}
