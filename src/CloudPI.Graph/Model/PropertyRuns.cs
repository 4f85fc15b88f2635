using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// The properties of all nodes in chunks of a few thousand, each node owning a run inside one chunk: no array
/// object per node, so loading leaves the GC almost nothing to trace, and no large array that is copied to grow
/// (each such copy on the large-object heap can start a full collection) or to trim.
/// </summary>
internal sealed class PropertyRuns
{
    // 4096 properties of 16 bytes stay below the 85,000-byte large-object threshold; a run starts at most at 4096.
    private const int ChunkLength = 4096;
    private const int OffsetBits = 13;
    private const int OffsetMask = (1 << OffsetBits) - 1;
    private const int MaxChunks = 1 << (31 - OffsetBits);

    private readonly List<NodeProperty[]> _chunks = [];

    /// <summary>How much of each chunk is used: where the last run of the chunk ends.</summary>
    private readonly List<int> _used = [];

    /// <summary>Per node, its chunk and the offset of its run there, packed (chunk above <see cref="OffsetBits"/>).</summary>
    private readonly Column<int> _starts = new();

    /// <summary>Appends the next node's properties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<NodeProperty> properties)
    {
        var chunk = _chunks.Count - 1;
        if (chunk < 0 || _used[chunk] + properties.Length > ChunkLength)
        {
            // A run longer than a chunk gets a chunk of its own, used beyond ChunkLength, so the next run starts a new one.
            chunk = _chunks.Count;
            if (chunk == MaxChunks)
            {
                throw new InvalidOperationException("too many node properties for one graph");
            }

            _chunks.Add(new NodeProperty[Math.Max(ChunkLength, properties.Length)]);
            _used.Add(0);
        }

        var start = _used[chunk];
        properties.CopyTo(_chunks[chunk].AsSpan(start));
        _used[chunk] = start + properties.Length;
        _starts.Add((chunk << OffsetBits) | start);
    }

    // Once frozen, the same as arrays: every property read of the analyses comes through the indexer, which then reads
    // them straight instead of through the lists' and the column's checks.
    private NodeProperty[][]? _frozenChunks;
    private int[] _frozenUsed = [];
    private int[] _frozenStarts = [];

    public ArraySegment<NodeProperty> this[int node]
    {
        get
        {
            if (_frozenChunks is { } chunks)
            {
                var starts = _frozenStarts;
                var at = starts[node];
                var inChunk = at >> OffsetBits;
                var from = at & OffsetMask;
                var to = node + 1 < starts.Length && starts[node + 1] >> OffsetBits == inChunk ? starts[node + 1] & OffsetMask : _frozenUsed[inChunk];
                return new ArraySegment<NodeProperty>(chunks[inChunk], from, to - from);
            }

            var packed = _starts[node];
            var chunk = packed >> OffsetBits;
            var start = packed & OffsetMask;
            // The run ends where the next node's starts in the same chunk, else where the chunk's use ends.
            var end = node + 1 < _starts.Count && _starts[node + 1] >> OffsetBits == chunk
                ? _starts[node + 1] & OffsetMask
                : _used[chunk];
            return new ArraySegment<NodeProperty>(_chunks[chunk], start, end - start);
        }
    }

    public void Freeze()
    {
        _starts.Freeze();
        _frozenStarts = _starts.Frozen;
        _frozenUsed = [.. _used];
        _frozenChunks = [.. _chunks];
    }
}
