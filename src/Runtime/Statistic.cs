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

    private Int128 _sumOfSquares;

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
        _sumOfSquares += (Int128)value * value;
        if (_buckets is not null)
            _buckets[Histogram!.BucketOf(value)]++;
        return value;
    }

    /// <summary>
    /// `@variance(s)`: the sample variance, (n·Σx² − (Σx)²) / (n·(n − 1)), truncated to an
    /// integer; 0 for fewer than two values.
    /// </summary>
    public long Variance
    {
        get
        {
            if (Count < 2)
                return 0;
            System.Numerics.BigInteger count = Count;
            System.Numerics.BigInteger sum = Sum;
            var variance = (count * (System.Numerics.BigInteger)_sumOfSquares - sum * sum) / (count * (count - 1));
            return variance > long.MaxValue ? long.MaxValue : (long)variance;
        }
    }

    /// <summary>`delete s`: no values any more.</summary>
    public void Clear()
    {
        Count = 0;
        Sum = 0;
        _sumOfSquares = 0;
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
            merged.Count += part.Count;
            merged.Sum = unchecked(merged.Sum + part.Sum);
            merged._sumOfSquares += part._sumOfSquares;
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
