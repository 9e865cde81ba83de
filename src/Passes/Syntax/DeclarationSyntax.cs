using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

public abstract record DeclarationSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>`probe POINT, POINT { ... }`</summary>
public sealed record ProbeSyntax(SourceSpan Span, ImmutableArray<ProbePointSyntax> Points, BlockStatementSyntax Body)
    : DeclarationSyntax(Span);

/// <summary>
/// `probe NAME = TARGET { ... }` (the body is a prologue, run before the user's handler) or
/// `probe NAME += TARGET { ... }` (an epilogue, run after it).
/// </summary>
public sealed record ProbeAliasSyntax(
    SourceSpan Span,
    ImmutableArray<ProbePointSyntax> Names,
    bool IsEpilogue,
    ImmutableArray<ProbePointSyntax> Targets,
    BlockStatementSyntax Body) : DeclarationSyntax(Span);

/// <summary>`function NAME:TYPE (PARAM:TYPE, ...) { ... }` or with an embedded `%{ ... %}` body.</summary>
public sealed record FunctionSyntax(
    SourceSpan Span,
    bool IsPrivate,
    string Name,
    string? ReturnType,
    ImmutableArray<ParameterSyntax> Parameters,
    BlockStatementSyntax? Body,
    EmbeddedCodeSyntax? EmbeddedBody) : DeclarationSyntax(Span);

public sealed record ParameterSyntax(SourceSpan Span, string Name, string? Type) : SyntaxNode(Span);

/// <summary>`global a, b[1000], c% = 5`</summary>
public sealed record GlobalSyntax(SourceSpan Span, bool IsPrivate, ImmutableArray<GlobalVariableSyntax> Variables)
    : DeclarationSyntax(Span);

/// <summary>One global: its name, an optional array size, the `%` wrap mark, an optional initial value.</summary>
public sealed record GlobalVariableSyntax(
    SourceSpan Span, string Name, long? MaxEntries, bool Wraps, LiteralExpressionSyntax? Initializer) : SyntaxNode(Span);

/// <summary>A top-level `%{ ... %}` block.</summary>
public sealed record EmbeddedDeclarationSyntax(SourceSpan Span, EmbeddedCodeSyntax Code) : DeclarationSyntax(Span);

/// <summary>The text between `%{` and `%}`, kept verbatim.</summary>
public sealed record EmbeddedCodeSyntax(SourceSpan Span, string Code) : SyntaxNode(Span);
