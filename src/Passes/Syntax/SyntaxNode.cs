using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

/// <summary>
/// A node of Tapline's own immutable syntax tree. Every node carries the span of
/// source it came from. Compare trees through <see cref="SyntaxPrinter"/>, not by
/// record equality.
/// </summary>
public abstract record SyntaxNode(SourceSpan Span);
