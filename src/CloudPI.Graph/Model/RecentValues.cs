namespace CloudPI.Graph;

/// <summary>
/// Remembers the values computed for recent keys in a fixed table of slots (a key's hash picks its slot; a new key
/// replaces the one there), so a run over any number of issues holds a bounded number of values (verdicts with their
/// evidence, say) and a look-up takes no lock. Values must be pure functions of their keys (a replaced one is
/// computed again, equal). Safe to share between threads: a slot holds one immutable entry, swapped whole.
/// </summary>
public sealed class RecentValues<TKey, TValue>
    where TKey : notnull
{
    private readonly Entry?[] _slots;
    private readonly int _mask;

    /// <param name="capacity">About how many values to keep: the table has the next power of two at or above twice as many slots.</param>
    public RecentValues(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new Entry?[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        _mask = _slots.Length - 1;
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var slot = SlotOf(key);
        if (Volatile.Read(ref _slots[slot]) is { } entry && EqualityComparer<TKey>.Default.Equals(entry.Key, key))
        {
            return entry.Value;
        }

        var value = compute(key);
        Volatile.Write(ref _slots[slot], new Entry(key, value));
        return value;
    }

    private int SlotOf(TKey key)
    {
        // Fibonacci hashing spreads sequential keys (node indices) and weak hash codes over the whole table.
        var hash = (uint)EqualityComparer<TKey>.Default.GetHashCode(key) * 0x9E3779B9u;
        return (int)(hash >> 16 ^ hash) & _mask;
    }

    private sealed record Entry(TKey Key, TValue Value);
}
