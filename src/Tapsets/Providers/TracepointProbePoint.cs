using Tapline.Passes.Attachments;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Tracing.Catalog;

namespace Tapline.Tapsets.Providers;

/// <summary>
/// A tracepoint. Its context variables are its own fields (`$prev_pid`; char arrays are
/// strings; other arrays take an index, as `$args[0]`), `$$name`, and `$$vars`/`$$parms`,
/// all fields formatted as `name=value` pairs; a family that serves its points on a
/// tracepoint may add variables of its own (<paramref name="AddedVariables"/>).
/// </summary>
public sealed record TracepointProbePoint(TracepointFormat Format, IReadOnlyList<ContextVariableSymbol>? AddedVariables = null)
    : ResolvedProbePoint(TracepointAttachment.PointText(Format.System, Format.Name))
{
    private IReadOnlyList<ContextVariableSymbol>? _variables;

    /// <summary>On `raw_syscalls`, the one syscall whose events the handler runs on (`.syscall(N)`), or null for all.</summary>
    public long? SyscallNumber { get; init; }

    public override IReadOnlyList<ContextVariableSymbol> ContextVariables => _variables ??= BuildVariables();

    public override ProbeAttachment Attachment =>
        new TracepointAttachment(Format.System, Format.Name, IsReturn: EntryName is not null) { SyscallNumber = SyscallNumber };

    public override ProbeAttachment? EntryAttachment =>
        EntryName is { } entry ? new TracepointAttachment(Format.System, entry) { SyscallNumber = SyscallNumber } : null;

    /// <summary>A syscall's exit began at its entry: `sys_exit` at `sys_enter`, `sys_exit_NAME` at `sys_enter_NAME`.</summary>
    private string? EntryName => Format.Name switch
    {
        "sys_exit" when Format.System == "raw_syscalls" => "sys_enter",
        _ when Format.System == "syscalls" && Format.Name.StartsWith("sys_exit_", StringComparison.Ordinal) =>
            "sys_enter_" + Format.Name["sys_exit_".Length..],
        _ => null,
    };

    private IReadOnlyList<ContextVariableSymbol> BuildVariables()
    {
        var variables = Format.OwnFields.Select(field => new ContextVariableSymbol(
            field.Name,
            field.IsString ? ScriptType.String : ScriptType.Long,
            field.IsDataLocation || field.ArrayLength is not null ? $"{field.CType}[{(field.ArrayLength > 0 ? field.ArrayLength : "")}]" : field.CType,
            IndexCount: field.ArrayLength is not null && !field.IsString ? 1 : 0)).ToList();
        // A syscall's exit names its result `$return`, as stap's syscall return probes do.
        if (EntryName is not null && Format.FindField("ret") is not null && Format.FindField("return") is null)
            variables.Add(new ContextVariableSymbol("return", ScriptType.Long, "long", Field: "ret"));
        variables.AddRange(TaskArguments.Of(Format));
        variables.AddRange(AddedVariables ?? []);
        variables.Add(new ContextVariableSymbol("$name", ScriptType.String, "string"));
        variables.Add(new ContextVariableSymbol("$vars", ScriptType.String, "string"));
        variables.Add(new ContextVariableSymbol("$parms", ScriptType.String, "string"));
        return variables;
    }
}
