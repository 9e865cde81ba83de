using System.Collections.Immutable;
using Tapline.Passes.Syntax;

namespace Tapline.Passes.Elaborate;

/// <summary>One component of a probe point name: `trace("sched:*")` is ("trace", "\"sched:*\"").</summary>
public sealed record NameComponent(string Name, string? Argument)
{
    public override string ToString() => Argument is null ? Name : $"{Name}({Argument})";

    public static NameComponent From(ProbePointComponentSyntax component) =>
        new(component.Name, component.Argument is null ? null : SyntaxPrinter.Print(component.Argument));

    public static string Join(IEnumerable<NameComponent> components) => string.Join(".", components);

    /// <summary>Splits `kernel.trace("a.b").return` at the dots outside quotes and parentheses.</summary>
    public static ImmutableArray<NameComponent> Split(string name)
    {
        var components = ImmutableArray.CreateBuilder<NameComponent>();
        var start = 0;
        var depth = 0;
        var quoted = false;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : '.';
            if (c == '"' && (i == 0 || name[i - 1] != '\\'))
                quoted = !quoted;
            else if (!quoted && c == '(')
                depth++;
            else if (!quoted && c == ')')
                depth--;
            else if (!quoted && depth == 0 && c == '.')
            {
                components.Add(Parse(name[start..i].Trim()));
                start = i + 1;
            }
        }
        return components.ToImmutable();
    }

    private static NameComponent Parse(string text)
    {
        var open = text.IndexOf('(');
        return open < 0 || !text.EndsWith(')') ? new NameComponent(text, null) : new NameComponent(text[..open], text[(open + 1)..^1]);
    }

    /// <summary>Whether this component (which may hold `*` wildcards) matches a concrete one.</summary>
    public bool Matches(NameComponent concrete) =>
        Glob.Matches(Name, concrete.Name) && (Argument is null ? concrete.Argument is null : Argument == concrete.Argument);
}

/// <summary>Shell-style matching with `*` only, as probe point names use it.</summary>
public static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
                return false;
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    public static bool HasWildcard(string pattern) => pattern.Contains('*');
}
