using Tapline.Passes.Diagnostics;

namespace Tapline.Tests.Parse;

/// <summary>A script with the expected diagnostic's span marked as «...» (the marks are not part of it).</summary>
internal sealed record MarkedSource(string Text, int Start, int Length)
{
    public static MarkedSource Parse(string marked)
    {
        var start = marked.IndexOf('«');
        var end = marked.IndexOf('»');
        Assert.True(start >= 0 && end > start, "mark the expected span with «...»");
        var text = marked.Remove(end, 1).Remove(start, 1);
        return new MarkedSource(text, start, end - start - 1);
    }

    /// <summary>
    /// Asserts that the diagnostics are exactly one, <paramref name="id"/>, saying <paramref name="message"/>
    /// at the marked span: no cascade, no other warning. A failure prints them as the command would.
    /// </summary>
    public void AssertReported(DiagnosticBag diagnostics, string id, string message)
    {
        var actual = TestParser.Describe(diagnostics);
        Assert.True(diagnostics.Count == 1, $"expected only {id}, got:\n{actual}");
        var match = diagnostics.Single();
        Assert.True(match.Id == id, $"expected {id}, got:\n{actual}");
        Assert.Contains(message, match.Message);
        Assert.True(match.Location is { } location && location.Start == Start && location.Length == Length,
            $"expected {id} at [{Start}, {Start + Length}), got:\n{actual}(at [{match.Location?.Start}, {match.Location?.End}))");
    }
}
