using System.Collections.Immutable;
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
public sealed class TapsetFile
{
    private readonly Lazy<ScriptSyntax?> _syntax;

    internal TapsetFile(SourceText source, Func<SourceText, ScriptSyntax?> parse)
    {
        Source = source;
        _syntax = new Lazy<ScriptSyntax?>(() => parse(source), LazyThreadSafetyMode.ExecutionAndPublication);
        var aliases = ImmutableArray.CreateBuilder<string>();
        var functions = ImmutableArray.CreateBuilder<string>();
        var globals = ImmutableArray.CreateBuilder<string>();
        foreach (var range in source.Text.AsSpan().Split('\n'))
        {
            var line = source.Text.AsSpan(range).TrimStart(" \t");
            if (TakeKeyword(ref line, "private"))
                line = line.TrimStart(" \t");
            if (TakeKeyword(ref line, "probe"))
                AddAliasNames(line, aliases);
            else if (TakeKeyword(ref line, "function"))
                functions.Add(Identifier(line).ToString());
            else if (TakeKeyword(ref line, "global"))
            {
                foreach (var part in line.ToString().Split(','))
                {
                    var name = Identifier(part.AsSpan().TrimStart(" \t"));
                    if (!name.IsEmpty)
                        globals.Add(name.ToString());
                }
            }
        }
        AliasNames = aliases.ToImmutable();
        FunctionNames = functions.ToImmutable();
        GlobalNames = globals.ToImmutable();
    }

    public SourceText Source { get; }

    public ImmutableArray<string> AliasNames { get; }

    public ImmutableArray<string> FunctionNames { get; }

    public ImmutableArray<string> GlobalNames { get; }

    public bool IsParsed => _syntax.IsValueCreated;

    /// <summary>The file's syntax tree, parsed on first use; null when it has errors (then reported).</summary>
    public ScriptSyntax? Syntax => _syntax.Value;

    internal static TapsetFile Create(SourceText source, PreprocessorEnvironment environment, MacroTable macros, DiagnosticBag diagnostics) =>
        new(source, text => ScriptParser.Parse(text, environment, new MacroTable(macros), diagnostics, userScript: false));

    private static bool TakeKeyword(ref ReadOnlySpan<char> line, string keyword)
    {
        if (!line.StartsWith(keyword) || line.Length == keyword.Length || line[keyword.Length] is not (' ' or '\t'))
            return false;
        line = line[keyword.Length..].TrimStart(" \t");
        return true;
    }

    /// <summary>`probe NAME, NAME =` or `+=` declares aliases; a probe whose body comes first declares nothing.</summary>
    private static void AddAliasNames(ReadOnlySpan<char> line, ImmutableArray<string>.Builder aliases)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && (i == 0 || line[i - 1] != '\\'))
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (c == '{')
                return;
            else if (depth == 0 && c == '=' && (i + 1 >= line.Length || line[i + 1] != '='))
            {
                var names = line[..(i > 0 && line[i - 1] == '+' ? i - 1 : i)];
                foreach (var name in names.ToString().Split(','))
                    aliases.Add(name.Trim());
                return;
            }
        }
    }

    private static ReadOnlySpan<char> Identifier(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] == '_'))
            length++;
        return length > 0 && !char.IsAsciiDigit(text[0]) ? text[..length] : [];
    }
}
