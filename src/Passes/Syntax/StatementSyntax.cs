using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

public abstract record StatementSyntax(SourceSpan Span) : SyntaxNode(Span);

public sealed record BlockStatementSyntax(SourceSpan Span, ImmutableArray<StatementSyntax> Statements) : StatementSyntax(Span);

public sealed record EmptyStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

public sealed record EmbeddedStatementSyntax(SourceSpan Span, EmbeddedCodeSyntax Code) : StatementSyntax(Span);

public sealed record ExpressionStatementSyntax(SourceSpan Span, ExpressionSyntax Expression) : StatementSyntax(Span);

public sealed record IfStatementSyntax(SourceSpan Span, ExpressionSyntax Condition, StatementSyntax Then, StatementSyntax? Else)
    : StatementSyntax(Span);

public sealed record WhileStatementSyntax(SourceSpan Span, ExpressionSyntax Condition, StatementSyntax Body) : StatementSyntax(Span);

public sealed record ForStatementSyntax(
    SourceSpan Span, ExpressionSyntax? Initializer, ExpressionSyntax? Condition, ExpressionSyntax? Step, StatementSyntax Body)
    : StatementSyntax(Span);

public sealed record TryStatementSyntax(SourceSpan Span, BlockStatementSyntax Body, string? CatchVariable, BlockStatementSyntax Handler)
    : StatementSyntax(Span);

public sealed record ReturnStatementSyntax(SourceSpan Span, ExpressionSyntax? Value) : StatementSyntax(Span);

public sealed record BreakStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

public sealed record ContinueStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

/// <summary>`next`: leave the probe handler at once.</summary>
public sealed record NextStatementSyntax(SourceSpan Span) : StatementSyntax(Span);

/// <summary>`delete a`, `delete a[k]`, `delete a[*, k]`, `delete s`.</summary>
public sealed record DeleteStatementSyntax(SourceSpan Span, ExpressionSyntax Target) : StatementSyntax(Span);
