using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>The pipeline's input: the user's script text (a file, or `-e SCRIPT` as "&lt;input&gt;").</summary>
public sealed record ScriptInput(SourceText Script);
