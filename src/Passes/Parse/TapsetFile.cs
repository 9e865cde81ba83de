using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Tapline.Passes.Diagnostics;
using Tapline.Passes.Syntax;
using Tapline.Passes.Text;

namespace Tapline.Passes.Parse;

/// <summary>
/// One `.stp` file of the tapset library: the names it declares, read by a quick scan of
/// its lines, and its syntax tree, parsed the first time elaboration needs one of those
/// names (as SystemTap pulls in a tapset file only when a symbol needs it). Declarations
/// must start their line (`probe NAME = ...`, `function NAME`, `global NAME`).
/// </summary>
public sealed partial class TapsetFile
{
    private readonly Lazy<ScriptSyntax?> _syntax;

    internal TapsetFile(SourceText source, Func<SourceText, ScriptSyntax?> parse)
    {
        Source = source;
        _syntax = new Lazy<ScriptSyntax?>(() => parse(source), LazyThreadSafetyMode.ExecutionAndPublication);
        var aliases = ImmutableArray.CreateBuilder<string>();
        var functions = ImmutableArray.CreateBuilder<string>();
        var globals = ImmutableArray.CreateBuilder<string>();
        foreach (Match match in Declaration().Matches(source.Text))
        {
            if (match.Groups["aliases"].Success)
                aliases.AddRange(match.Groups["aliases"].Value.Split(',').Select(name => name.Trim()));
            else if (match.Groups["function"].Success)
                functions.Add(match.Groups["function"].Value);
            else
                globals.AddRange(match.Groups["globals"].Value.Split(',').Select(g => GlobalName().Match(g).Value).Where(g => g.Length > 0));
        }
        AliasNames = aliases.ToImmutable();
        FunctionNames = functions.ToImmutable();
        GlobalNames = globals.ToImmutable();
    }

    [GeneratedRegex(@"^[ \t]*(?:probe[ \t]+(?<aliases>[^=+{}\n]+?)[ \t]*\+?=(?!=)|(?:private[ \t]+)?function[ \t]+(?<function>[A-Za-z_][A-Za-z0-9_]*)|(?:private[ \t]+)?global[ \t]+(?<globals>[^\n]+))",
        RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\s*[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex GlobalName();

    public SourceText Source { get; }

    public ImmutableArray<string> AliasNames { get; }

    public ImmutableArray<string> FunctionNames { get; }

    public ImmutableArray<string> GlobalNames { get; }

    public bool IsParsed => _syntax.IsValueCreated;

    /// <summary>The file's syntax tree, parsed on first use; null when it has errors (then reported).</summary>
    public ScriptSyntax? Syntax => _syntax.Value;

    internal static TapsetFile Create(SourceText source, PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics) =>
        new(source, text => ScriptParser.Parse(text, environment, new MacroTable(macros), diagnostics));
}
