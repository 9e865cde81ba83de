using System.Collections.Immutable;
using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Syntax;

namespace Tapline.Tapsets.Providers;

/// <summary>`probe prometheus`: runs on each scrape; what it appends to `$value` is the response body.</summary>
public sealed class PrometheusProvider : IProbeProvider
{
    public IReadOnlyCollection<string> Roots { get; } = ["prometheus"];

    public ProbeResolution Resolve(ImmutableArray<ProbePointComponentSyntax> components) =>
        components.Length == 1 && components[0].Argument is null
            ? ProbeResolution.Of(new PrometheusProbePoint())
            : ProbeResolution.Fail("'prometheus' takes no argument and no further components");

    public IEnumerable<string> ListPoints() => Roots;
}

public sealed record PrometheusProbePoint() : ResolvedProbePoint("prometheus")
{
    public override ProbeAttachment Attachment { get; } = new PrometheusAttachment();

    private static readonly IReadOnlyList<ContextVariableSymbol> Variables =
        [new ContextVariableSymbol("value", ScriptType.String, "the response body", IsWritable: true)];

    public override IReadOnlyList<ContextVariableSymbol> ContextVariables => Variables;
}
