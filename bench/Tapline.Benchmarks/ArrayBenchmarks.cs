using BenchmarkDotNet.Attributes;
using Tapline.Runtime;

namespace Tapline.Benchmarks;

/// <summary>
/// A script array under churn: 200000 distinct inserts into an array of MAXMAPENTRIES=100000
/// that wraps (`global a%`, the oldest element goes on each insert past the limit), against
/// the same inserts into one large enough not to wrap, and deleting every element. Eviction
/// and deletion are O(1), so the ratios stay near 1 whatever the size.
/// </summary>
[MemoryDiagnoser]
public class ArrayBenchmarks
{
    private const int Inserts = 200_000;

    [Benchmark(Baseline = true)]
    public int InsertWithoutWrapping()
    {
        var array = new ScriptArray<long, long>("a", Inserts, wraps: false, () => 0L);
        for (long i = 0; i < Inserts; i++)
            array.Set(i, i);
        return array.Count;
    }

    [Benchmark]
    public int InsertWrapping()
    {
        var array = new ScriptArray<long, long>("a", Inserts / 2, wraps: true, () => 0L);
        for (long i = 0; i < Inserts; i++)
            array.Set(i, i);
        return array.Count;
    }

    [Benchmark]
    public int InsertThenDeleteOldestFirst()
    {
        var array = new ScriptArray<long, long>("a", Inserts, wraps: false, () => 0L);
        for (long i = 0; i < Inserts; i++)
            array.Set(i, i);
        for (long i = 0; i < Inserts; i++)
            array.Delete(i);
        return array.Count;
    }
}
