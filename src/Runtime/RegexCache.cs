using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tapline.Runtime;

/// <summary>
/// The compiled regular expressions of `=~` and `!~`, one per pattern text. They run without
/// backtracking (linear in the text, so no pattern can take a handler hostage); pass 2 has
/// already compiled each one the same way, so a script never gets here with a bad pattern.
/// </summary>
public static class RegexCache
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new();

    public static Regex Compile(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static Regex Get(string pattern) => Compiled.GetOrAdd(pattern, text =>
    {
        try
        {
            return Compile(text);
        }
        catch (ArgumentException e)
        {
            throw new ScriptRuntimeException($"bad regular expression \"{text}\": {e.Message}");
        }
    });
}
