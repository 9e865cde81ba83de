namespace Tapline.Tests.Metrics;

/// <summary>The format checker itself: it must reject what Prometheus rejects, or the server tests prove nothing.</summary>
public sealed class ExpositionFormatTests
{
    [Fact]
    public void Valid_text_has_no_problems() => Assert.Empty(ExpositionFormat.Problems(
        "# TYPE count gauge\ncount{pid=\"1\",name=\"a\\\"b\\\\c\\nd\"} 3\ncount{pid=\"2\"} 4\n# TYPE up counter\nup 1\n"));

    [Theory]
    [InlineData("# TYPE count gauge\n# TYPE count gauge\ncount 1\n", "a second TYPE line")]
    [InlineData("count 1\n# TYPE count gauge\n", "comes after its samples")]
    [InlineData("1count 1\n", "is not a metric name")]
    [InlineData("count{pid=\"a\"b\"} 1\n", "malformed labels")]
    [InlineData("count{pid=\"a\nb\"} 1\n", "not a sample")]
    [InlineData("count{1pid=\"a\"} 1\n", "malformed labels")]
    [InlineData("count{pid=\"a\\tb\"} 1\n", "malformed labels")]
    [InlineData("count one\n", "is not a sample value")]
    [InlineData("count 1", "does not end with a line feed")]
    public void Invalid_text_is_reported(string text, string problem) =>
        Assert.Contains(ExpositionFormat.Problems(text), p => p.Contains(problem));
}
