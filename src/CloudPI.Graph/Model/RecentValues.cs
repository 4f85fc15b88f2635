using System.Collections.Concurrent;

namespace CloudPI.Graph;

/// <summary>
/// Remembers the values computed for recent keys, at most twice <c>capacity</c> of them: when the current generation
/// fills up it becomes the previous one and the oldest is dropped, so a run over any number of issues holds a bounded
/// number of values (verdicts with their evidence, say). Values must be pure functions of their keys (a dropped one is computed
/// again, equal). Safe to share between threads.
/// </summary>
public sealed class RecentValues<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private Generation _current = new();
    private Generation _previous = new();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var current = Volatile.Read(ref _current);
        if (current.Values.TryGetValue(key, out var value))
        {
            return value;
        }

        if (!Volatile.Read(ref _previous).Values.TryGetValue(key, out value))
        {
            value = compute(key);
        }

        if (!current.Values.TryAdd(key, value))
        {
            return current.Values.TryGetValue(key, out var stored) ? stored : value;
        }

        // Exactly one thread sees the count reach the capacity: it starts the next generation.
        if (Interlocked.Increment(ref current.Count) == capacity)
        {
            Volatile.Write(ref _previous, current);
            Volatile.Write(ref _current, new Generation());
        }

        return value;
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<TKey, TValue> Values = new(Environment.ProcessorCount * 4, 64);
        public int Count;
    }
}
