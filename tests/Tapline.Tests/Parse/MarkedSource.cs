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
}
