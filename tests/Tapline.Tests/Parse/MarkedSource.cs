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
    /// Asserts that the first diagnostic with <paramref name="id"/> says <paramref name="message"/>
    /// at the marked span; a failure prints the diagnostics as the command would.
    /// </summary>
    public void AssertReported(DiagnosticBag diagnostics, string id, string message)
    {
        var actual = TestParser.Describe(diagnostics);
        var match = diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(match is not null, $"expected {id}, got:\n{actual}");
        Assert.Contains(message, match.Message);
        Assert.True(match.Location is { } location && location.Start == Start && location.Length == Length,
            $"expected {id} at [{Start}, {Start + Length}), got:\n{actual}(at [{match.Location?.Start}, {match.Location?.End}))");
    }
}
