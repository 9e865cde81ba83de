using System.Collections.Immutable;
using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Parse;

/// <summary>What preprocessor conditions and script-argument substitution read.</summary>
/// <param name="ScriptArguments">The script's arguments, or null for a library file, where `$1` is not substituted.</param>
internal sealed record PreprocessorEnvironment(TargetDescription Target, bool GuruMode, ImmutableArray<string>? ScriptArguments);
