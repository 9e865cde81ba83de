namespace Tapline.Runtime;

/// <summary>
/// A statistic: values added with `&lt;&lt;&lt;`, read with `@count @sum @min @max @avg`,
/// and, when the script asks for a histogram of it, counted into buckets too.
/// </summary>
public sealed class Statistic(HistogramSpec? histogram = null)
{
    private readonly long[]? _buckets = histogram is null ? null : new long[histogram.BucketCount];

    public HistogramSpec? Histogram { get; } = histogram;

    /// <summary>The count of each bucket of the histogram.</summary>
    public ReadOnlySpan<long> Buckets => _buckets ?? throw new ScriptRuntimeException("this statistic keeps no histogram");

    public long Count { get; private set; }

    public long Sum { get; private set; }

    /// <summary>`s &lt;&lt;&lt; value`.</summary>
    public void Add(long value)
    {
        if (Count == 0 || value < _min)
            _min = value;
        if (Count == 0 || value > _max)
            _max = value;
        Count++;
        Sum = unchecked(Sum + value);
        if (_buckets is not null)
            _buckets[Histogram!.BucketOf(value)]++;
    }

    private long _min;
    private long _max;

    public long Min => Count > 0 ? _min : throw Empty("@min");

    public long Max => Count > 0 ? _max : throw Empty("@max");

    /// <summary>The integer average, truncated toward zero, as SystemTap computes it.</summary>
    public long Average => Count > 0 ? Sum / Count : throw Empty("@avg");

    private static ScriptRuntimeException Empty(string aggregate) =>
        new($"empty aggregate: {aggregate} of a statistic with no values");
}
