using Tapline.Runtime;

namespace Tapline.Tests.Runtime;

public sealed class ScriptArrayTests
{
    private static ScriptArray<(long, string), long> Counts(int max = 2048, bool wraps = false) =>
        new("counts", max, wraps, () => 0L);

    [Fact]
    public void Get_MissingKey_GivesDefaultAndAddsNothing()
    {
        var array = Counts();
        Assert.Equal(0, array.Get((1, "a")));
        Assert.Equal(0, array.Count);
        Assert.False(array.Contains((1, "a")));
    }

    [Fact]
    public void Set_BeyondMaxEntries_IsARuntimeError()
    {
        var array = Counts(max: 2);
        array.Set((1, "a"), 1);
        array.Set((2, "b"), 2);
        array.Set((2, "b"), 3);
        var error = Assert.Throws<ScriptRuntimeException>(() => array.Set((3, "c"), 3));
        Assert.Contains("array 'counts' is full: it holds at most 2 elements (MAXMAPENTRIES)", error.Message);
    }

    [Fact]
    public void Set_WrappingArray_DropsTheOldest()
    {
        var array = Counts(max: 2, wraps: true);
        array.Set((1, "a"), 1);
        array.Set((2, "b"), 2);
        array.Set((3, "c"), 3);
        Assert.Equal([(2L, "b"), (3L, "c")], array.InOrder(null, false, null).Select(e => e.Key));
    }

    [Fact]
    public void InOrder_SortsByKeyPartOrValueAndLimits()
    {
        var array = Counts();
        array.Set((3, "a"), 10);
        array.Set((1, "c"), 30);
        array.Set((2, "b"), 20);

        Assert.Equal([1L, 2L, 3L], array.InOrder(1, false, null).Select(e => e.Key.Item1));
        Assert.Equal(["c", "b", "a"], array.InOrder(2, true, null).Select(e => e.Key.Item2));
        Assert.Equal([30L, 20L], array.InOrder(0, true, 2).Select(e => e.Value));
        Assert.Equal([10L, 30L, 20L], array.InOrder(null, false, null).Select(e => e.Value));
    }

    [Fact]
    public void InOrder_StatisticsSortByCount()
    {
        var array = new ScriptArray<string, Statistic>("errors", 2048, false, () => new Statistic());
        array.GetOrAdd("few").Add(100);
        var many = array.GetOrAdd("many");
        many.Add(1);
        many.Add(1);
        Assert.Equal(["many", "few"], array.InOrder(0, true, null).Select(e => e.Key));
    }

    [Fact]
    public void DeleteWhere_RemovesTheMatchingSlice()
    {
        var array = Counts();
        array.Set((1, "read"), 1);
        array.Set((2, "read"), 2);
        array.Set((1, "write"), 3);
        array.DeleteWhere(key => key.Item2 == "read");
        Assert.Equal([(1L, "write")], array.InOrder(null, false, null).Select(e => e.Key));
        Assert.True(array.ContainsWhere(key => key.Item1 == 1));
    }

    [Fact]
    public void Wrapping_EvictsOldestFirst_AcrossManyTurnsOfTheArray()
    {
        var array = new ScriptArray<long, long>("a", 1000, wraps: true, () => 0L);
        for (long i = 0; i < 20_000; i++)
            array.Set(i, i * 2);

        Assert.Equal(1000, array.Count);
        Assert.Equal(Enumerable.Range(19_000, 1000).Select(i => (long)i), array.InOrder(null, false, null).Select(e => e.Key));
        Assert.Equal(39_998, array.Get(19_999));
        Assert.False(array.Contains(18_999));
    }

    [Fact]
    public void Delete_KeepsInsertionOrderOfTheRest_AndReusesNothingOutOfOrder()
    {
        var array = new ScriptArray<long, long>("a", 10, wraps: false, () => 0L);
        for (long i = 1; i <= 6; i++)
            array.Set(i, i);
        array.Delete(1);
        array.Delete(4);
        array.Delete(6);
        array.Set(7, 7);
        array.Set(3, 30);
        array.Set(8, 8);

        Assert.Equal(new long[] { 2, 3, 5, 7, 8 }, array.InOrder(null, false, null).Select(e => e.Key));
        Assert.Equal(30, array.Get(3));
        array.Clear();
        array.Set(9, 9);
        Assert.Equal(new long[] { 9 }, array.InOrder(null, false, null).Select(e => e.Key));
    }
}
