namespace Tapline.Passes.Elaborate;

/// <summary>"Did you mean ...?": the known names closest to a misspelt one.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known, int count = 3)
    {
        var limit = Math.Max(2, name.Length / 4);
        return known
            .Select(candidate => (candidate, distance: Distance(name, candidate)))
            .Where(x => x.distance <= limit && x.candidate != name)
            .OrderBy(x => x.distance).ThenBy(x => x.candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.candidate)
            .ToList();
    }

    /// <summary>The Levenshtein distance: edits (insert, delete, replace) from one text to the other.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
            return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(replace, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
