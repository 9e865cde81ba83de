using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Runtime;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// `process("PATH").function("NAME")` and its `.return`: a uprobe at the function's entry in
/// the file, or at its return, where `$return` is the value it returns (rax). Registers are
/// read with `register()` and `pointer_arg()` and friends (tapsets/registers.stp). An SDT marker
/// (`process("PATH").mark("NAME")`) has its arguments as `$arg1`...
/// </summary>
public sealed record UprobeProbePoint(string Text, UprobeAttachment Uprobe) : ResolvedProbePoint(Text)
{
    public override ProbeAttachment Attachment => Uprobe;

    /// <summary>The SDT marker the point is, or null for a function.</summary>
    public Tracing.Elf.SdtMarker? Marker { get; init; }

    public override IReadOnlyList<ContextVariableSymbol> ContextVariables => Uprobe.IsReturn
        ? [new ContextVariableSymbol("return", ScriptType.Long, "long", Field: "ax")]
        : Marker is { } marker
            ? [.. marker.Arguments.Select((_, i) => new ContextVariableSymbol($"arg{i + 1}", ScriptType.Long, "long"))]
            : [];
}
