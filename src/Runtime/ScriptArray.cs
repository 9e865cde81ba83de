using System.Runtime.CompilerServices;

namespace Tapline.Runtime;

/// <summary>
/// A SystemTap associative array: keys of one to five parts (a long, a string, or a tuple
/// of them), values that are longs, strings or statistics. It holds at most
/// <see cref="MaxEntries"/> elements (MAXMAPENTRIES, or the declared size); one more is a
/// run-time error, unless the array wraps (`global a%`), when the oldest element goes.
/// Reading a missing element gives the default value and adds nothing.
/// </summary>
public sealed class ScriptArray<TKey, TValue>(string name, int maxEntries, bool wraps, Func<TValue> defaultValue)
    where TKey : notnull
{
    private readonly InsertionOrderedMap<TKey, TValue> _entries = new();

    public string Name { get; } = name;

    public int MaxEntries { get; } = maxEntries;

    public int Count => _entries.Count;

    public bool Contains(TKey key) => _entries.ContainsKey(key);

    public bool ContainsWhere(Func<TKey, bool> matches) => _entries.Keys().Any(matches);

    public TValue Get(TKey key) => _entries.TryGetValue(key, out var value) ? value : defaultValue();

    /// <summary>`a[k] = v`; the value is the expression's result.</summary>
    public TValue Set(TKey key, TValue value)
    {
        if (!_entries.ContainsKey(key))
            MakeRoom();
        _entries.Set(key, value);
        return value;
    }

    /// <summary>`a[k] op= v` and `a[k]++`: the new value from the old (or the default), stored.</summary>
    public TValue Update(TKey key, Func<TValue, TValue> update) => Set(key, update(Get(key)));

    /// <summary>The values whose keys match, in insertion order (a slice such as `a[*, k]`).</summary>
    public IEnumerable<TValue> Slice(Func<TKey, bool> matches) =>
        _entries.Entries().Where(entry => matches(entry.Key)).Select(entry => entry.Value).ToList();

    /// <summary>The element, added with the default value when missing: `a[k] &lt;&lt;&lt; v`, `a[k]++`.</summary>
    public TValue GetOrAdd(TKey key)
    {
        if (_entries.TryGetValue(key, out var value))
            return value;
        MakeRoom();
        value = defaultValue();
        _entries.Set(key, value);
        return value;
    }

    public void Delete(TKey key) => _entries.Remove(key);

    /// <summary>`delete a[*, k]`: every element whose key matches.</summary>
    public void DeleteWhere(Func<TKey, bool> matches)
    {
        foreach (var key in _entries.Keys().Where(matches).ToList())
            _entries.Remove(key);
    }

    public void Clear() => _entries.Clear();

    /// <summary>
    /// The elements in `foreach` order: sorted by key part <paramref name="column"/> (1-based),
    /// by value when it is 0 (statistics by their count), or unsorted (in insertion order)
    /// when null; then cut to <paramref name="limit"/>. Ties keep insertion order.
    /// </summary>
    /// <summary>
    /// The elements for a foreach: sorted by a key part (<paramref name="column"/> 1..n) or by the value (0;
    /// a statistic by <paramref name="aggregate"/>, `@count` unless another is named), at most <paramref name="limit"/> of them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<TKey, TValue>> InOrder(
        int? column, bool descending, long? limit, Func<TKey, bool>? slice = null, string? aggregate = null)
    {
        IEnumerable<KeyValuePair<TKey, TValue>> elements = slice is null ? _entries.Entries().ToList() : _entries.Entries().Where(e => slice(e.Key)).ToList();
        if (column is { } sortColumn)
        {
            Func<KeyValuePair<TKey, TValue>, object> sortKey = sortColumn == 0
                ? entry => SortableValue(entry.Value, aggregate)
                : entry => KeyPart(entry.Key, sortColumn);
            elements = descending
                ? elements.OrderByDescending(sortKey, SortOrder)
                : elements.OrderBy(sortKey, SortOrder);
        }
        if (limit is { } count)
            elements = elements.Take((int)Math.Clamp(count, 0, int.MaxValue));
        return elements.ToList();
    }

    private void MakeRoom()
    {
        if (_entries.Count < MaxEntries)
            return;
        if (!wraps)
            throw new ScriptRuntimeException($"array '{Name}' is full: it holds at most {MaxEntries} elements (MAXMAPENTRIES)");
        _entries.RemoveOldest();
    }

    /// <summary>Numbers by value, strings ordinally, as stap sorts them by their bytes (the orders differ only between characters past U+FFFF and U+E000-U+FFFF).</summary>
    private static readonly Comparer<object> SortOrder = Comparer<object>.Create((left, right) =>
        left is string a && right is string b ? string.CompareOrdinal(a, b) : Comparer<object>.Default.Compare(left, right));

    private static object KeyPart(TKey key, int column) =>
        key is ITuple tuple ? tuple[column - 1]! : key;

    private static object SortableValue(TValue value, string? aggregate) => value switch
    {
        Statistic statistic => aggregate switch
        {
            "@sum" => statistic.Sum,
            "@min" => statistic.Min,
            "@max" => statistic.Max,
            "@avg" => statistic.Average,
            "@variance" => statistic.Variance,
            _ => statistic.Count,
        },
        _ => value!,
    };
}
