namespace Tapline.Runtime;

/// <summary>
/// A hash map that remembers insertion order, with every operation O(1): entries live in a
/// slot array linked oldest to newest, a dictionary finds a key's slot, and a removed slot is
/// reused. (OrderedDictionary shifts its array on every removal, so a wrapping array that
/// drops its oldest element on each insert was quadratic.)
/// </summary>
internal sealed class InsertionOrderedMap<TKey, TValue>
    where TKey : notnull
{
    private const int None = -1;

    private readonly Dictionary<TKey, int> _slots = new();
    private Entry[] _entries = new Entry[4];
    private int _used;
    private int _free = None;
    private int _oldest = None;
    private int _newest = None;

    private struct Entry
    {
        public TKey Key;
        public TValue Value;
        public int Older;
        public int Newer;
    }

    public int Count => _slots.Count;

    public bool ContainsKey(TKey key) => _slots.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            value = _entries[slot].Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Sets the value of a key, added as the newest when it is new.</summary>
    public void Set(TKey key, TValue value)
    {
        if (_slots.TryGetValue(key, out var slot))
            _entries[slot].Value = value;
        else
            Append(key, value);
    }

    public bool Remove(TKey key)
    {
        if (!_slots.Remove(key, out var slot))
            return false;
        Unlink(slot);
        return true;
    }

    public void RemoveOldest()
    {
        if (_oldest != None)
            Remove(_entries[_oldest].Key);
    }

    public void Clear()
    {
        _slots.Clear();
        _entries = new Entry[4];
        _used = 0;
        _free = _oldest = _newest = None;
    }

    /// <summary>The entries, oldest first.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries()
    {
        for (var slot = _oldest; slot != None; slot = _entries[slot].Newer)
            yield return new KeyValuePair<TKey, TValue>(_entries[slot].Key, _entries[slot].Value);
    }

    public IEnumerable<TKey> Keys() => Entries().Select(entry => entry.Key);

    private void Append(TKey key, TValue value)
    {
        int slot;
        if (_free != None)
        {
            slot = _free;
            _free = _entries[slot].Newer;
        }
        else
        {
            if (_used == _entries.Length)
                Array.Resize(ref _entries, _entries.Length * 2);
            slot = _used++;
        }
        _entries[slot] = new Entry { Key = key, Value = value, Older = _newest, Newer = None };
        if (_newest != None)
            _entries[_newest].Newer = slot;
        else
            _oldest = slot;
        _newest = slot;
        _slots.Add(key, slot);
    }

    private void Unlink(int slot)
    {
        ref var entry = ref _entries[slot];
        if (entry.Older != None)
            _entries[entry.Older].Newer = entry.Newer;
        else
            _oldest = entry.Newer;
        if (entry.Newer != None)
            _entries[entry.Newer].Older = entry.Older;
        else
            _newest = entry.Older;
        entry = new Entry { Older = None, Newer = _free };
        _free = slot;
    }
}
