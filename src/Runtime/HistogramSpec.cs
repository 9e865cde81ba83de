namespace Tapline.Runtime;

/// <summary>
/// How a statistic spreads its values into buckets: base-2 logarithmic (`@hist_log`,
/// 128 buckets, bucket 64 holds 0) or linear (`@hist_linear(s, low, high, width)`, with
/// an underflow and an overflow bucket at the ends).
/// </summary>
public abstract record HistogramSpec
{
    public const int MaxLinearBuckets = 128;

    public abstract int BucketCount { get; }

    public abstract int BucketOf(long value);

    public static HistogramSpec Log { get; } = new LogHistogram();

    public static HistogramSpec Linear(long low, long high, long width)
    {
        if (width <= 0)
            throw new ScriptRuntimeException($"@hist_linear: the bucket width must be positive, not {width}");
        var buckets = (high - low) / width + 3;
        if (buckets < 3 || buckets > MaxLinearBuckets)
            throw new ScriptRuntimeException($"@hist_linear: (high - low) / width must give 1 to {MaxLinearBuckets - 2} buckets, not {buckets - 2}");
        return new LinearHistogram(low, width, (int)buckets);
    }
}

public sealed record LogHistogram : HistogramSpec
{
    public const int ZeroBucket = 64;

    public override int BucketCount => 128;

    /// <summary>0 in bucket 64; v &gt; 0 in 64 plus the position of its highest bit (1 is in 65); -v mirrored below 64.</summary>
    public override int BucketOf(long value)
    {
        if (value == 0)
            return ZeroBucket;
        var magnitude = value == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(value);
        var position = 64 - System.Numerics.BitOperations.LeadingZeroCount(magnitude);
        var bucket = value > 0 ? ZeroBucket + position : ZeroBucket - position;
        return Math.Clamp(bucket, 0, BucketCount - 1);
    }

    /// <summary>The smallest value of a bucket (as its row is labelled).</summary>
    public static long ValueOf(int bucket) =>
        bucket == ZeroBucket ? 0
        : bucket > ZeroBucket ? 1L << (bucket - ZeroBucket - 1)
        : long.MinValue >> bucket;
}

public sealed record LinearHistogram(long Low, long Width, int Buckets) : HistogramSpec
{
    public override int BucketCount => Buckets;

    /// <summary>Below low: bucket 0; then one bucket per width; at or past the last: the overflow bucket.</summary>
    public override int BucketOf(long value)
    {
        if (value < Low)
            return 0;
        var bucket = (ulong)(value - Low) / (ulong)Width + 1;
        return (int)Math.Min(bucket, (ulong)Buckets - 1);
    }
}
