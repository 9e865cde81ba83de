using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Binding;

/// <summary>
/// A resolved expression: names point at symbols, and its type is derived from its
/// operator and its symbols' inferred types. Each node points back to its syntax.
/// </summary>
public abstract record BoundExpression(SyntaxNode Syntax)
{
    public abstract ScriptType Type { get; }
}

public sealed record BoundLiteral(SyntaxNode Syntax, object Value) : BoundExpression(Syntax)
{
    public override ScriptType Type => Value is string ? ScriptType.String : ScriptType.Long;
}

/// <summary>A scalar local, parameter or global, or a whole array (as `delete a` names it).</summary>
public sealed record BoundVariable(SyntaxNode Syntax, VariableSymbol Symbol) : BoundExpression(Syntax)
{
    public override ScriptType Type => Symbol.Type;
}

/// <summary>`a[k1, k2]`; a null key is the wildcard `*` of a slice.</summary>
public sealed record BoundArrayElement(SyntaxNode Syntax, GlobalSymbol Array, ImmutableArray<BoundExpression?> Keys)
    : BoundExpression(Syntax)
{
    public override ScriptType Type => Array.Type;
}

public sealed record BoundContextVariable(SyntaxNode Syntax, ContextVariableSymbol Variable, ImmutableArray<BoundExpression> Indexes)
    : BoundExpression(Syntax)
{
    public override ScriptType Type => Variable.Type;
}

public sealed record BoundCall(SyntaxNode Syntax, FunctionSymbol Function, ImmutableArray<BoundExpression> Arguments)
    : BoundExpression(Syntax)
{
    public override ScriptType Type => Function.ReturnType;
}

/// <summary>printf and its family, which take any number of values.</summary>
public sealed record BoundBuiltinCall(SyntaxNode Syntax, BuiltinFunction Function, ImmutableArray<BoundExpression> Arguments)
    : BoundExpression(Syntax)
{
    public override ScriptType Type => Function.ReturnType;
}

public sealed record BoundUnary(SyntaxNode Syntax, string Operator, BoundExpression Operand) : BoundExpression(Syntax)
{
    public override ScriptType Type => ScriptType.Long;
}

public sealed record BoundIncrement(SyntaxNode Syntax, string Operator, bool IsPrefix, BoundExpression Target) : BoundExpression(Syntax)
{
    public override ScriptType Type => ScriptType.Long;
}

public sealed record BoundBinary(SyntaxNode Syntax, BoundExpression Left, string Operator, BoundExpression Right) : BoundExpression(Syntax)
{
    public override ScriptType Type => Operator == "." ? ScriptType.String : ScriptType.Long;
}

public sealed record BoundAssignment(SyntaxNode Syntax, BoundExpression Target, string Operator, BoundExpression Value)
    : BoundExpression(Syntax)
{
    public override ScriptType Type => Target.Type;
}

public sealed record BoundTernary(SyntaxNode Syntax, BoundExpression Condition, BoundExpression WhenTrue, BoundExpression WhenFalse)
    : BoundExpression(Syntax)
{
    /// <summary>The branches' type, each branch asked once (nested ternaries would otherwise cost 2^depth).</summary>
    public override ScriptType Type => WhenTrue.Type is var whenTrue && whenTrue != ScriptType.Unknown ? whenTrue : WhenFalse.Type;
}

/// <summary>`[k1, k2] in a`; a null key is a wildcard.</summary>
public sealed record BoundIn(SyntaxNode Syntax, GlobalSymbol Array, ImmutableArray<BoundExpression?> Keys) : BoundExpression(Syntax)
{
    public override ScriptType Type => ScriptType.Long;
}

/// <summary>`@count(s)` and friends, on a statistic or an array element (or slice) of statistics.</summary>
public sealed record BoundAggregate(SyntaxNode Syntax, string Operator, BoundExpression Statistic) : BoundExpression(Syntax)
{
    public override ScriptType Type => ScriptType.Long;
}

public sealed record BoundHistogram(SyntaxNode Syntax, string Operator, BoundExpression Statistic, ImmutableArray<BoundExpression> Parameters)
    : BoundExpression(Syntax)
{
    public override ScriptType Type => ScriptType.Histogram;
}

/// <summary>`@entry(e)` in a return probe: e's value when the matching entry fired.</summary>
public sealed record BoundEntry(SyntaxNode Syntax, BoundExpression Operand) : BoundExpression(Syntax)
{
    public override ScriptType Type => Operand.Type;
}

/// <summary>
/// `%{ code %}` as a value (guru mode): C# copied verbatim, a long unless the code holds
/// `/* string */`, and free of side effects only when it holds `/* pure */`, as in stap.
/// </summary>
public sealed record BoundEmbeddedExpression(SyntaxNode Syntax, string Code) : BoundExpression(Syntax)
{
    public override ScriptType Type => Code.Contains("/* string */", StringComparison.Ordinal) ? ScriptType.String : ScriptType.Long;

    public bool IsMarkedPure => Code.Contains("/* pure */", StringComparison.Ordinal);
}

/// <summary>Stands for an expression already reported as wrong, so no error cascades from it.</summary>
public sealed record BoundErrorExpression(SyntaxNode Syntax) : BoundExpression(Syntax)
{
    public override ScriptType Type => ScriptType.Unknown;
}
