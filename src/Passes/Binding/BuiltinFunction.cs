using System.Collections.Frozen;

namespace Tapline.Passes.Binding;

/// <summary>
/// The print family, which SystemTap's language itself defines: any number of values,
/// of any type (`printf`/`sprintf` checked against their format string).
/// </summary>
public sealed record BuiltinFunction(string Name, ScriptType ReturnType, bool HasFormat, bool HasDelimiter, bool HasSideEffects)
{
    public static readonly FrozenDictionary<string, BuiltinFunction> All = new[]
    {
        new BuiltinFunction("printf", ScriptType.Void, HasFormat: true, HasDelimiter: false, HasSideEffects: true),
        new BuiltinFunction("sprintf", ScriptType.String, HasFormat: true, HasDelimiter: false, HasSideEffects: false),
        new BuiltinFunction("print", ScriptType.Void, HasFormat: false, HasDelimiter: false, HasSideEffects: true),
        new BuiltinFunction("println", ScriptType.Void, HasFormat: false, HasDelimiter: false, HasSideEffects: true),
        new BuiltinFunction("sprint", ScriptType.String, HasFormat: false, HasDelimiter: false, HasSideEffects: false),
        new BuiltinFunction("sprintln", ScriptType.String, HasFormat: false, HasDelimiter: false, HasSideEffects: false),
        new BuiltinFunction("printd", ScriptType.Void, HasFormat: false, HasDelimiter: true, HasSideEffects: true),
        new BuiltinFunction("printdln", ScriptType.Void, HasFormat: false, HasDelimiter: true, HasSideEffects: true),
        new BuiltinFunction("sprintd", ScriptType.String, HasFormat: false, HasDelimiter: true, HasSideEffects: false),
        new BuiltinFunction("sprintdln", ScriptType.String, HasFormat: false, HasDelimiter: true, HasSideEffects: false),
        new BuiltinFunction("print_hist", ScriptType.Void, HasFormat: false, HasDelimiter: false, HasSideEffects: true),
    }.ToFrozenDictionary(f => f.Name);
}
