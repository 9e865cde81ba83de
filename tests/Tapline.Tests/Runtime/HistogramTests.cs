using Tapline.Runtime;

namespace Tapline.Tests.Runtime;

/// <summary>Histogram buckets and SystemTap's `print(@hist_...)` layout.</summary>
public sealed class HistogramTests
{
    private const string Header = "value |-------------------------------------------------- count\n";

    private static Statistic With(HistogramSpec spec, params long[] values)
    {
        var statistic = new Statistic(spec);
        foreach (var value in values)
            statistic.Add(value);
        return statistic;
    }

    private static string Row(string label, int bar, long count) =>
        label.PadLeft(5) + " |" + new string('@', bar) + count.ToString().PadLeft(50 - bar + 1 + 1) + "\n";

    [Theory]
    [InlineData(0L, 64)]
    [InlineData(1L, 65)]
    [InlineData(2L, 66)]
    [InlineData(3L, 66)]
    [InlineData(4L, 67)]
    [InlineData(-1L, 63)]
    [InlineData(-4L, 61)]
    [InlineData(long.MaxValue, 127)]
    public void LogBucket_IsTheHighestBit(long value, int bucket) => Assert.Equal(bucket, HistogramSpec.Log.BucketOf(value));

    [Theory]
    [InlineData(-5L, 0)]
    [InlineData(0L, 1)]
    [InlineData(9L, 1)]
    [InlineData(10L, 2)]
    [InlineData(99L, 10)]
    [InlineData(100L, 11)]
    [InlineData(109L, 11)]
    [InlineData(110L, 12)]
    [InlineData(1000L, 12)]
    public void LinearBucket_HasUnderflowAndOverflow(long value, int bucket) =>
        Assert.Equal(bucket, HistogramSpec.Linear(0, 100, 10).BucketOf(value));

    [Fact]
    public void PrintLog_ShowsTwoEmptyRowsAfterTheDataAndNoneBelowZero()
    {
        var printed = HistogramPrinter.Print(With(HistogramSpec.Log, 1, 1, 2, 8));
        Assert.Equal(
            Header + Row("0", 0, 0) + Row("1", 2, 2) + Row("2", 1, 1) + Row("4", 0, 0) + Row("8", 1, 1) + Row("16", 0, 0) + Row("32", 0, 0) + "\n",
            printed);
    }

    [Fact]
    public void PrintLog_ElidesLongRunsOfEmptyRows()
    {
        var printed = HistogramPrinter.Print(With(HistogramSpec.Log, 1, 1024));
        Assert.Equal(
            Header + Row("0", 0, 0) + Row("1", 1, 1) + Row("2", 0, 0) + Row("4", 0, 0) + "      ~\n"
            + Row("256", 0, 0) + Row("512", 0, 0) + Row("1024", 1, 1) + Row("2048", 0, 0) + Row("4096", 0, 0) + "\n",
            printed);
    }

    [Fact]
    public void PrintLog_HistElisionOfOne_KeepsOneEmptyRowAroundUsedOnes()
    {
        var printed = HistogramPrinter.Print(With(HistogramSpec.Log, 1, 1024), elision: 1);
        Assert.Equal(
            Header + Row("0", 0, 0) + Row("1", 1, 1) + Row("2", 0, 0) + "      ~\n"
            + Row("512", 0, 0) + Row("1024", 1, 1) + Row("2048", 0, 0) + "\n",
            printed);
    }

    [Fact]
    public void PrintLog_NegativeHistElision_ElidesNothing()
    {
        var printed = HistogramPrinter.Print(With(HistogramSpec.Log, 1, 16), elision: -1);
        Assert.Equal(Header + Row("1", 1, 1) + Row("2", 0, 0) + Row("4", 0, 0) + Row("8", 0, 0) + Row("16", 1, 1) + "\n", printed);
    }

    [Fact]
    public void PrintLinear_LabelsUnderflowAndOverflow()
    {
        var printed = HistogramPrinter.Print(With(HistogramSpec.Linear(0, 30, 10), -1, 5, 15, 99));
        Assert.Equal(Header + Row("<0", 1, 1) + Row("0", 1, 1) + Row("10", 1, 1) + Row("20", 0, 0) + Row("30", 0, 0) + Row(">30", 1, 1) + "\n", printed);
    }

    [Fact]
    public void Print_ScalesBarsToFiftyColumns()
    {
        var values = Enumerable.Repeat(1L, 200).Concat(Enumerable.Repeat(2L, 50)).ToArray();
        var printed = HistogramPrinter.Print(With(HistogramSpec.Log, values));
        Assert.Contains("    1 |" + new string('@', 50) + " 200\n", printed);
        Assert.Contains("    2 |" + new string('@', 12) + "50".PadLeft(42) + "\n", printed);
    }

    [Fact]
    public void Print_EmptyStatistic_IsTheHeaderAlone() =>
        Assert.Equal(Header + "\n", HistogramPrinter.Print(new Statistic(HistogramSpec.Log)));

    [Theory]
    [InlineData(0L, 100L, 0L, "width must be positive")]
    [InlineData(0L, 10000L, 1L, "must give 1 to 126 buckets")]
    public void Linear_BadParameters_AreRuntimeErrors(long low, long high, long width, string message) =>
        Assert.Contains(message, Assert.Throws<ScriptRuntimeException>(() => HistogramSpec.Linear(low, high, width)).Message);
}
