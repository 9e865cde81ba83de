using System.Collections.Immutable;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Binding;

/// <summary>
/// A named value: a global, a local or a parameter. Its type is inferred during
/// elaboration (mutable only there) and fixed once elaboration ends.
/// </summary>
public abstract class VariableSymbol(string name, SourceSpan declared)
{
    public string Name { get; } = name;

    public SourceSpan Declared { get; } = declared;

    public ScriptType Type { get; internal set; }

    /// <summary>Where the type was first decided, for conflict messages.</summary>
    public SourceSpan? TypeOrigin { get; internal set; }

    /// <summary>Assigned from an expression already reported as wrong: its unknown type is not reported again.</summary>
    internal bool IsPoisoned { get; set; }

    public override string ToString() => $"{Name}:{ScriptTypes.Name(Type)}";
}

public sealed class LocalSymbol(string name, SourceSpan declared) : VariableSymbol(name, declared);

public sealed class ParameterSymbol(string name, SourceSpan declared, int ordinal) : VariableSymbol(name, declared)
{
    public int Ordinal { get; } = ordinal;
}

/// <summary>A global variable or array (arrays exist only as globals).</summary>
public sealed class GlobalSymbol(string name, SourceSpan declared, GlobalVariableSyntax? syntax) : VariableSymbol(name, declared)
{
    public GlobalVariableSyntax? Syntax { get; } = syntax;

    /// <summary>Null for a scalar; the key types of an array (Unknown until inferred).</summary>
    public ScriptType[]? KeyTypes { get; private set; }

    /// <summary>Where each key's type was decided.</summary>
    public SourceSpan?[]? KeyTypeOrigins { get; private set; }

    internal void MakeArray(int arity)
    {
        KeyTypes = new ScriptType[arity];
        KeyTypeOrigins = new SourceSpan?[arity];
    }

    public bool IsArray => KeyTypes is not null;

    public override string ToString() => IsArray
        ? $"{Name}:{ScriptTypes.Name(Type)} [{string.Join(", ", KeyTypes!.Select(ScriptTypes.Name))}]"
        : base.ToString();
}

/// <summary>A function of the script or the tapset library.</summary>
public sealed class FunctionSymbol(FunctionSyntax syntax, ImmutableArray<ParameterSymbol> parameters)
{
    public FunctionSyntax Syntax { get; } = syntax;

    public string Name => Syntax.Name;

    public ImmutableArray<ParameterSymbol> Parameters { get; } = parameters;

    public ScriptType ReturnType { get; internal set; }

    public SourceSpan? ReturnTypeOrigin { get; internal set; }

    /// <summary>An embedded `%{ %}` body: C# that pass 3 copies in.</summary>
    public bool IsEmbedded => Syntax.EmbeddedBody is not null;

    /// <summary>An embedded body marked `/* pure */`: no side effects, so unused calls may be dropped.</summary>
    public bool IsMarkedPure => Syntax.EmbeddedBody?.Code.Contains("/* pure */", StringComparison.Ordinal) == true;

    /// <summary>
    /// An embedded body also marked `/* total */`: it returns a value for every argument and never
    /// raises a run-time error, so pass 3 may prove a handler harmless when it skips the call.
    /// </summary>
    public bool IsMarkedTotal => IsMarkedPure && Syntax.EmbeddedBody!.Code.Contains("/* total */", StringComparison.Ordinal);

    /// <summary>
    /// An embedded body marked `/* user_string */`: it reads a NUL-terminated string of the traced
    /// process at its first argument, which pass 3 has copied while the event fired.
    /// </summary>
    public bool ReadsUserString => Syntax.EmbeddedBody?.Code.Contains("/* user_string */", StringComparison.Ordinal) == true;

    /// <summary>An embedded body marked `/* argument */`: it returns the register its argument N (a number) names, as `pointer_arg(N)` does.</summary>
    public bool ReadsArgument => IsMarked("/* argument */");

    /// <summary>An embedded body marked `/* register */`: it returns the register its argument (a name) names, as `register("rdi")` does.</summary>
    public bool ReadsRegister => IsMarked("/* register */");

    private bool IsMarked(string marker) => Syntax.EmbeddedBody?.Code.Contains(marker, StringComparison.Ordinal) == true;

    public override string ToString() =>
        $"{Name}:{ScriptTypes.Name(ReturnType)} ({string.Join(", ", Parameters.Select(p => p.ToString()))})";
}

/// <summary>
/// A function's code as one pass leaves it: its bound body (null for an embedded one) and the
/// locals it uses besides its parameters. A pass that changes the code makes a new one; the
/// symbol, which calls refer to, stays the same.
/// </summary>
public sealed record FunctionDefinition(FunctionSymbol Symbol, BoundBlock? Body, ImmutableArray<LocalSymbol> Locals)
{
    public string Name => Symbol.Name;

    public ImmutableArray<ParameterSymbol> Parameters => Symbol.Parameters;

    public override string ToString() => Symbol.ToString();
}

/// <summary>
/// A variable of the probed context, such as a tracepoint field (`$prev_pid`), or the
/// response body `$value` of a prometheus probe.
/// </summary>
/// <param name="Description">Its type as the probed context declares it (a C type for a tracepoint field).</param>
/// <param name="IndexCount">How many `[i]` it takes (1 for `$args`), 0 for a scalar.</param>
/// <param name="Field">The tracepoint field it reads, when its name is another (`$return` reads `ret`); null: its own name.</param>
/// <param name="Element">The element of an array field it reads (`$arg1` reads `args[0]`); null for the whole field.</param>
public sealed record ContextVariableSymbol(
    string Name, ScriptType Type, string Description, int IndexCount = 0, bool IsWritable = false, string? Field = null, int? Element = null)
{
    /// <summary>The field the variable reads.</summary>
    public string FieldName => Field ?? Name;
}
