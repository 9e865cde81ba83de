namespace Tapline.Passes.Binding;

/// <summary>What a histogram read says of its statistic's buckets: `@hist_log`, or `@hist_linear`'s low, high and width.</summary>
public static class HistogramParameters
{
    /// <summary>`@hist_linear`'s parameters as numbers, or null when one is not a (negated) literal.</summary>
    public static long[]? Linear(BoundHistogram histogram)
    {
        var values = histogram.Parameters.Select(p => p switch
        {
            BoundLiteral { Value: long value } => (long?)value,
            BoundUnary { Operator: "-", Operand: BoundLiteral { Value: long value } } => -value,
            _ => null,
        }).ToList();
        return values.Any(v => v is null) ? null : [.. values.Select(v => v!.Value)];
    }

    /// <summary>The bucket layout a read asks for, as text two reads can be compared by; null when its parameters are not literal.</summary>
    public static string? Layout(BoundHistogram histogram) =>
        histogram.Operator == "@hist_log" ? "log" : Linear(histogram) is { } values ? "linear " + string.Join(' ', values) : null;

    /// <summary>The statistic a histogram reads: a global, or an element of a global array.</summary>
    public static GlobalSymbol? Statistic(BoundHistogram histogram) => histogram.Statistic switch
    {
        BoundVariable { Symbol: GlobalSymbol global } => global,
        BoundArrayElement element => element.Array,
        _ => null,
    };
}
