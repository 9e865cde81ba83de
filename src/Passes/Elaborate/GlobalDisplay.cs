using System.Text;
using Tapline.Passes.Binding;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>
/// stap prints at the end the globals of the user's script that are written but never read:
/// for each, an `end` probe is written as stap writes it (scalars `x=0x5`, strings `s="text"`,
/// arrays a line per element by decreasing value, statistics their `@count @min @max @sum @avg`),
/// and elaborated like the script's own probes.
/// </summary>
internal static class GlobalDisplay
{
    private static readonly string[] Aggregates = ["@count", "@min", "@max", "@sum", "@avg"];

    /// <summary>The script text of the display probes, or null when no global needs one.</summary>
    public static string? Script(IEnumerable<GlobalSymbol> unread)
    {
        var text = new StringBuilder();
        foreach (var global in unread)
            text.Append(Probe(global));
        return text.Length == 0 ? null : text.ToString();
    }

    private static string Probe(GlobalSymbol global)
    {
        var name = global.Name;
        var format = new StringBuilder(name);
        var probe = new StringBuilder("probe end {\n");
        var indexes = "";
        var value = name;
        if (global.KeyTypes is { } keys)
        {
            indexes = string.Join(",", keys.Select((_, i) => "__idx" + i));
            format.Append('[').Append(string.Join(",", keys.Select(k => k == ScriptType.String ? "\\\"%#s\\\"" : "%#d"))).Append(']');
            var bound = global.Type == ScriptType.Stats ? "" : "__val = ";
            probe.Append($"foreach ({bound}[{indexes}] in {name}-)\n");
            value = global.Type == ScriptType.Stats ? $"{name}[{indexes}]" : "__val";
        }
        else if (global.Type == ScriptType.Stats)
        {
            probe.Append($"if (@count({name}) == 0)\nprintf(\"{name} @count=0x0\\n\")\nelse\n");
        }

        format.Append(global.Type switch
        {
            ScriptType.Stats => string.Concat(Aggregates.Select(a => $" {a}=%#d")),
            ScriptType.String => "=\\\"%#s\\\"",
            _ => "=%#x",
        });
        var values = global.Type == ScriptType.Stats
            ? string.Concat(Aggregates.Select(a => $",{a}({value})"))
            : "," + value;
        var keyArguments = indexes.Length > 0 ? "," + indexes : "";
        probe.Append($"printf(\"{format}\\n\"{keyArguments}{values})\n}}\n");
        return probe.ToString();
    }

    /// <summary>The script's globals that are written but never read, in the order the script declares them.</summary>
    public static IEnumerable<GlobalSymbol> Unread(IEnumerable<GlobalSymbol> globals, ScriptSyntax script, GlobalAccess access) =>
        globals.Where(g => g.Declared.Source == script.Source && access.Written.Contains(g) && !access.Read.Contains(g))
            .Where(g => g.Type is ScriptType.Long or ScriptType.String or ScriptType.Stats)
            .OrderBy(g => g.Declared.Start);
}
