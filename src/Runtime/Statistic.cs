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

    // Welford's running mean and sum of squared deviations, in integers as stap's runtime keeps them.
    private long _mean;
    private Int128 _squaredDeviations;

    public long Count { get; private set; }

    public long Sum { get; private set; }

    /// <summary>`s &lt;&lt;&lt; value`; the value is the expression's result.</summary>
    public long Add(long value)
    {
        if (Count == 0 || value < _min)
            _min = value;
        if (Count == 0 || value > _max)
            _max = value;
        Count++;
        Sum = unchecked(Sum + value);
        var delta = (Int128)value - _mean;
        _mean = (long)(_mean + delta / Count);
        _squaredDeviations += delta * ((Int128)value - _mean);
        if (_buckets is not null)
            _buckets[Histogram!.BucketOf(value)]++;
        return value;
    }

    /// <summary>
    /// `@variance(s)`: the sample variance as stap computes it, by Welford's method in integers
    /// (each step's mean truncated toward zero): M2 / (n − 1); 0 for fewer than two values.
    /// Values 100, 0, -2 give 3410 (the exact variance is 3401.33).
    /// </summary>
    public long Variance
    {
        get
        {
            if (Count < 2)
                return 0;
            var variance = _squaredDeviations / (Count - 1);
            return variance > long.MaxValue ? long.MaxValue : (long)variance;
        }
    }

    /// <summary>`delete s`: no values any more.</summary>
    public void Clear()
    {
        Count = 0;
        Sum = 0;
        _mean = 0;
        _squaredDeviations = 0;
        if (_buckets is not null)
            Array.Clear(_buckets);
    }

    /// <summary>One statistic holding the values of several (`@count(a[*, k])`).</summary>
    public static Statistic Merge(HistogramSpec? histogram, IEnumerable<Statistic> parts)
    {
        var merged = new Statistic(histogram);
        foreach (var part in parts.Where(p => p.Count > 0))
        {
            merged._min = merged.Count == 0 ? part._min : Math.Min(merged._min, part._min);
            merged._max = merged.Count == 0 ? part._max : Math.Max(merged._max, part._max);
            // Two Welford states combine as the parallel form of the method does.
            var count = merged.Count + part.Count;
            var delta = (Int128)part._mean - merged._mean;
            merged._squaredDeviations += part._squaredDeviations + delta * delta * merged.Count * part.Count / count;
            merged._mean = (long)(merged._mean + delta * part.Count / count);
            merged.Count = count;
            merged.Sum = unchecked(merged.Sum + part.Sum);
            if (merged._buckets is not null && part._buckets is not null)
            {
                for (var i = 0; i < merged._buckets.Length; i++)
                    merged._buckets[i] += part._buckets[i];
            }
        }
        return merged;
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
