using System.Globalization;
using System.Text;
using Tapline.Passes.Binding;

namespace Tapline.Passes.Translate;

/// <summary>
/// How script names and values become C# text. Every script name gets a prefix (so none
/// can be a C# keyword or collide with generated names) and every string is escaped, so no
/// script text ever becomes C# code; only guru-mode `%{ %}` blocks are copied verbatim.
/// </summary>
internal static class CSharpText
{
    public static string Local(string name) => "l_" + Name(name);

    public static string Parameter(string name) => "a_" + Name(name);

    public static string Global(string name) => "g_" + Name(name);

    public static string Function(string name) => "f_" + Name(name);

    /// <summary>An embedded body reads its parameters by their script names: `@name` is never a keyword.</summary>
    public static string EmbeddedParameter(string name) => "@" + Name(name);

    /// <summary>
    /// A script name as C#: a script name may hold `$` (`foo$1`), which C# does not take; it becomes
    /// U+01C2, a letter C# takes and a script name cannot hold, so distinct names stay distinct.
    /// </summary>
    private static string Name(string name) => name.Replace('$', '\u01C2');

    public static string Variable(VariableSymbol symbol) => symbol switch
    {
        GlobalSymbol => Global(symbol.Name),
        ParameterSymbol => Parameter(symbol.Name),
        _ => Local(symbol.Name),
    };

    public static string Type(ScriptType type) => type switch
    {
        ScriptType.Long => "long",
        ScriptType.String => "string",
        ScriptType.Stats => "Statistic",
        ScriptType.Void => "void",
        _ => throw new InvalidOperationException($"no C# type for {type}"),
    };

    public static string DefaultValue(ScriptType type) => type switch
    {
        ScriptType.String => "\"\"",
        _ => "0L",
    };

    public static string Long(long value) =>
        value == long.MinValue ? "long.MinValue" : value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>A C# string literal: quotes, backslashes and every control or non-ASCII character escaped.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                '\r' => text.Append("\\r"),
                >= ' ' and < '\x7f' => text.Append(c),
                _ => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }
        return text.Append('"').ToString();
    }

    /// <summary>An identifier made of a file name: letters, digits and `_` only.</summary>
    public static string Identifier(string text)
    {
        var identifier = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return identifier.Length == 0 || char.IsAsciiDigit(identifier[0]) ? "_" + identifier : identifier;
    }

    /// <summary>
    /// Text for a `//` comment: printable ASCII only, since C# also ends a line at U+0085,
    /// U+2028 and U+2029, which would let script text out of the comment.
    /// </summary>
    public static string Comment(string text) =>
        new(text.Select(c => c is >= ' ' and < '\x7f' ? c : '?').ToArray());

    /// <summary>A file name for `#line`, which allows no escapes: quotes and non-ASCII are replaced.</summary>
    public static string LineFile(string path) => Comment(Path.GetFileName(path)).Replace('"', '\'');
}
