using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// One column of the graph's storage (a value per node or per relationship). While loading it grows in small
/// chunks, so no large array is copied to grow it: doubling a <see cref="List{T}"/> of a few hundred thousand
/// entries allocates on the large-object heap again and again, and each of those allocations can start a full
/// collection of the whole growing graph. <see cref="Freeze"/> then copies the chunks into one array of the exact
/// length, read as fast as a list.
/// </summary>
/// <param name="pinned">Chunks on the pinned-object heap (values without references only): for a column that outlives
/// many compacting collections, which then never copy it (<see cref="Apoc.ApocAccountIndex"/>).</param>
internal sealed class Column<T>(bool pinned = false)
{
    // 4096 entries of at most 16 bytes stay below the 85,000-byte large-object threshold.
    private const int ChunkShift = 12;
    private const int ChunkLength = 1 << ChunkShift;

    private List<T[]>? _chunks = [];

    /// <summary>The chunk being filled while loading; the whole column once frozen.</summary>
    private T[] _items = [];

    private int _filled;

    public int Count { get; private set; }

    /// <summary>An entry; the graph's columns are only added to, an index (<see cref="Apoc.ApocAccountIndex"/>) also
    /// rewrites entries, frozen or not.</summary>
    public T this[int index]
    {
        get => Slot(index);
        set => Slot(index) = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref T Slot(int index)
    {
        if (_chunks is null)
        {
            return ref _items[index];
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return ref _chunks[index >> ChunkShift][index & (ChunkLength - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(T item)
    {
        if (_filled == _items.Length)
        {
            StartChunk();
        }

        _items[_filled++] = item;
        Count++;
    }

    /// <summary>The values in order; only once frozen.</summary>
    public ReadOnlySpan<T> AsSpan() => Frozen;

    /// <summary>The values in order, in one array that a reader may keep to index straight; only once frozen.</summary>
    public T[] Frozen => _chunks is null ? _items : throw new InvalidOperationException("the column is still loading");

    /// <summary>Copies the chunks into one exact-length array; the column is read-only afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Freeze()
    {
        if (_chunks is null)
        {
            return;
        }

        var items = new T[Count];
        for (var chunk = 0; chunk < _chunks.Count; chunk++)
        {
            var start = chunk << ChunkShift;
            _chunks[chunk].AsSpan(0, Math.Min(ChunkLength, Count - start)).CopyTo(items.AsSpan(start));
        }

        _chunks = null;
        _items = items;
        _filled = items.Length;
    }

    private void StartChunk()
    {
        if (_chunks is null)
        {
            throw new InvalidOperationException("the column is frozen");
        }

        _items = GC.AllocateArray<T>(ChunkLength, pinned);
        _chunks.Add(_items);
        _filled = 0;
    }
}
