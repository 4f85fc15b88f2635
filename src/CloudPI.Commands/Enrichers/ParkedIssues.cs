using CloudPI.Dracon.Enrichers;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// Encoded issues held until the writer reaches them, their bytes copied into large chunks that are reused once every
/// issue in them is written. Each held in its own pooled array, thousands of issues were copied by the collector from
/// generation to generation; in chunks never reused, the Cartography producer's 43,632 findings (13,542 of them held)
/// allocated enough large objects to set off a full collection of the graph. A chunk is never moved nor scanned (it
/// holds no references), and the chunks held are about as many as the bytes held need.
/// </summary>
internal sealed class ParkedIssues
{
    /// <summary>A chunk: large enough for a few hundred issues.</summary>
    private const int ChunkSize = 1 << 20;

    private readonly Lock _gate = new();
    private readonly Stack<Chunk> _free = new();
    private Chunk? _current;
    private int _used;

    /// <summary>The issue, its bytes copied here and its own array given back to its pool.</summary>
    public EncodedIssue Park(EncodedIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var bytes = issue.Bytes;
        if (bytes.Length > ChunkSize / 4)
        {
            return issue; // a rare large issue keeps its own array
        }

        var (chunk, start) = Reserve(bytes.Length);
        bytes.Span.CopyTo(chunk.Bytes.AsSpan(start));
        issue.Release();
        return EncodedIssue.FromOwned(chunk.Bytes.AsMemory(start, bytes.Length), issue.RawIssueUuid, issue.EmptyAnnotation, chunk);
    }

    /// <summary>Room for <paramref name="length"/> bytes in the current chunk (the rest is the other threads'), lent once more.</summary>
    private (Chunk Chunk, int Start) Reserve(int length)
    {
        lock (_gate)
        {
            if (_current is null || _used + length > ChunkSize)
            {
                if (_current?.Seal() == true)
                {
                    _free.Push(_current);
                }

                _current = _free.TryPop(out var reused) ? reused.Reopen() : new Chunk(this);
                _used = 0;
            }

            _current.Lend();
            var start = _used;
            _used += length;
            return (_current, start);
        }
    }

    private void Reuse(Chunk chunk)
    {
        lock (_gate)
        {
            _free.Push(chunk);
        }
    }

    /// <summary>One chunk, and how many issues in it are not written yet. Reused once it is no longer the one filled
    /// (sealed) and none of its issues is left; exactly once, whichever of the two comes last.</summary>
    private sealed class Chunk(ParkedIssues home) : IBytesOwner
    {
        private int _lent;
        private int _sealed;

        public byte[] Bytes { get; } = GC.AllocateUninitializedArray<byte>(ChunkSize);

        public void Lend() => Interlocked.Increment(ref _lent);

        public void Release()
        {
            if (Interlocked.Decrement(ref _lent) == 0 && IsDone())
            {
                home.Reuse(this);
            }
        }

        /// <summary>No more is lent from it; true when it is done already (the caller, holding the lock, reuses it).</summary>
        public bool Seal()
        {
            Volatile.Write(ref _sealed, 1);
            return IsDone();
        }

        public Chunk Reopen()
        {
            Volatile.Write(ref _sealed, 0);
            return this;
        }

        // Both the last release and the seal may see the chunk done: the one that moves it from sealed to reused reuses it.
        private bool IsDone() => Volatile.Read(ref _lent) == 0 && Interlocked.CompareExchange(ref _sealed, 2, 1) == 1;
    }
}
