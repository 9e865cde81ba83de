using System.Collections.Immutable;

namespace Tapline.Passes.Parse;

/// <summary>`@define NAME(PARAM, ...) %( BODY %)`: the body's tokens, unexpanded.</summary>
internal sealed record MacroDefinition(string Name, ImmutableArray<string> Parameters, IReadOnlyList<SourceToken> Body);
