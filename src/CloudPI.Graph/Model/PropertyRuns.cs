using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// The properties of all nodes in chunks of a few thousand, each node owning a run inside one chunk: no array
/// object per node, so loading leaves the GC almost nothing to trace, and no large array that is copied to grow
/// (each such copy on the large-object heap can start a full collection) or to trim. Keys and values sit in separate
/// chunks: a look-up scans a node's keys in a cache line or two and reads the one value it wants, and a property
/// takes 12 bytes, where a (key, value) pair took 16.
/// </summary>
internal sealed class PropertyRuns
{
    // 4096 values of 8 bytes stay below the 85,000-byte large-object threshold; a run starts at most at 4096.
    private const int ChunkLength = 4096;
    private const int OffsetBits = 13;
    private const int OffsetMask = (1 << OffsetBits) - 1;
    private const int MaxChunks = 1 << (31 - OffsetBits);

    private readonly List<int[]> _keyChunks = [];
    private readonly List<object?[]> _valueChunks = [];

    /// <summary>How much of each chunk is used: where the last run of the chunk ends.</summary>
    private readonly List<int> _used = [];

    /// <summary>Per node, its chunk and the offset of its run there, packed (chunk above <see cref="OffsetBits"/>).</summary>
    private readonly Column<int> _starts = new();

    // Set by Freeze: the lists and the column as arrays, which every property read of the analyses indexes straight.
    private int[][]? _frozenKeys;
    private object?[][] _frozenValues = [];
    private int[] _frozenUsed = [];
    private int[] _frozenStarts = [];

    /// <summary>Appends the next node's properties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<NodeProperty> properties)
    {
        var chunk = _used.Count - 1;
        if (chunk < 0 || _used[chunk] + properties.Length > ChunkLength)
        {
            // A run longer than a chunk gets a chunk of its own, used beyond ChunkLength, so the next run starts a new one.
            chunk = _used.Count;
            if (chunk == MaxChunks)
            {
                throw new InvalidOperationException("too many node properties for one graph");
            }

            var length = Math.Max(ChunkLength, properties.Length);
            _keyChunks.Add(new int[length]);
            _valueChunks.Add(new object?[length]);
            _used.Add(0);
        }

        var start = _used[chunk];
        NodeProperty.Split(properties, _keyChunks[chunk].AsSpan(start), _valueChunks[chunk].AsSpan(start));

        _used[chunk] = start + properties.Length;
        _starts.Add((chunk << OffsetBits) | start);
    }

    /// <summary>A node's properties; only once frozen.</summary>
    public PropertySlice this[int node]
    {
        get
        {
            var keyChunks = _frozenKeys ?? throw new InvalidOperationException("the properties are still loading");
            var starts = _frozenStarts;
            var packed = starts[node];
            var chunk = packed >> OffsetBits;
            var start = packed & OffsetMask;
            // The run ends where the next node's starts in the same chunk, else where the chunk's use ends.
            var end = node + 1 < starts.Length && starts[node + 1] >> OffsetBits == chunk ? starts[node + 1] & OffsetMask : _frozenUsed[chunk];
            return new PropertySlice(keyChunks[chunk], _frozenValues[chunk], start, end - start);
        }
    }

    public void Freeze()
    {
        _starts.Freeze();
        _frozenStarts = _starts.Frozen;
        _frozenUsed = [.. _used];
        _frozenValues = [.. _valueChunks];
        _frozenKeys = [.. _keyChunks];
    }
}

/// <summary>Some properties: interned keys and their values, side by side from <see cref="Start"/>, for <see cref="Count"/>.</summary>
internal readonly record struct PropertySlice(int[] Keys, object?[] Values, int Start, int Count)
{
    public ReadOnlySpan<int> KeySpan => Keys.AsSpan(Start, Count);

    public ReadOnlySpan<object?> ValueSpan => Values.AsSpan(Start, Count);
}
