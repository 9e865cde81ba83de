using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tapline.Runtime;

/// <summary>The compiled regular expressions of `=~` and `!~`, one per pattern text.</summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new();

    public static Regex Get(string pattern) => Compiled.GetOrAdd(pattern, text =>
    {
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new ScriptRuntimeException($"bad regular expression \"{text}\": {e.Message}");
        }
    });
}
