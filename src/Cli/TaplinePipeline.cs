using Tapline.Passes.Parse;
using Tapline.Passes.Pipeline;

namespace Tapline.Cli;

/// <summary>The one place where the passes are put in order. A new pass is one more `Then` here.</summary>
public static class TaplinePipeline
{
    public static Pipeline<ScriptInput, ParsedProgram> Create() =>
        Pipeline.StartWith(new ParsePass());
}
