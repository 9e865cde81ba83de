using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Binding;

public abstract record BoundStatement(SyntaxNode Syntax);

public sealed record BoundBlock(SyntaxNode Syntax, ImmutableArray<BoundStatement> Statements) : BoundStatement(Syntax);

public sealed record BoundExpressionStatement(SyntaxNode Syntax, BoundExpression Expression) : BoundStatement(Syntax);

public sealed record BoundIf(SyntaxNode Syntax, BoundExpression Condition, BoundStatement Then, BoundStatement? Else) : BoundStatement(Syntax);

public sealed record BoundWhile(SyntaxNode Syntax, BoundExpression Condition, BoundStatement Body) : BoundStatement(Syntax);

public sealed record BoundFor(
    SyntaxNode Syntax, BoundExpression? Initializer, BoundExpression? Condition, BoundExpression? Step, BoundStatement Body)
    : BoundStatement(Syntax);

/// <summary>
/// `foreach`: the key variables (and value variable) are locals; <paramref name="SortColumn"/>
/// is 0 for the value, 1..n for a key, null when unsorted.
/// </summary>
public sealed record BoundForeach(
    SyntaxNode Syntax,
    GlobalSymbol Array,
    VariableSymbol? Value,
    ImmutableArray<VariableSymbol> Keys,
    ImmutableArray<BoundExpression?>? Slice,
    int? SortColumn,
    bool Descending,
    string? SortAggregate,
    BoundExpression? Limit,
    BoundStatement Body) : BoundStatement(Syntax);

public sealed record BoundTry(SyntaxNode Syntax, BoundBlock Body, VariableSymbol? CatchVariable, BoundBlock Handler) : BoundStatement(Syntax);

public sealed record BoundReturn(SyntaxNode Syntax, BoundExpression? Value) : BoundStatement(Syntax);

public sealed record BoundBreak(SyntaxNode Syntax) : BoundStatement(Syntax);

public sealed record BoundContinue(SyntaxNode Syntax) : BoundStatement(Syntax);

public sealed record BoundNext(SyntaxNode Syntax) : BoundStatement(Syntax);

public sealed record BoundDelete(SyntaxNode Syntax, BoundExpression Target) : BoundStatement(Syntax);

public sealed record BoundEmbedded(SyntaxNode Syntax, string Code) : BoundStatement(Syntax);
