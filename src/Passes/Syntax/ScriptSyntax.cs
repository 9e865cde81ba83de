using System.Collections.Immutable;
using Tapline.Passes.Text;

namespace Tapline.Passes.Syntax;

/// <summary>One parsed file: the user's script or a tapset library file.</summary>
public sealed record ScriptSyntax(SourceText Source, ImmutableArray<DeclarationSyntax> Declarations, int NodeCount)
    : SyntaxNode(new SourceSpan(Source, 0, Source.Length));
