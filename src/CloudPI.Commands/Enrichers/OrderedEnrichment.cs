using CloudPI.Dracon.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// Enriches issues on every core and hands them to the writer in input order. Each worker takes the next issue as soon
/// as it is done with its last, so no core waits for a slow issue of a chunk to finish (a group with thousands of
/// members, say); the writer takes the issues a block at a time, woken once per block. At most
/// <see cref="IssuesAhead"/> issues are enriched and not yet written, so only their annotations are held.
/// </summary>
internal static class OrderedEnrichment
{
    /// <summary>Issues the writer takes at a time.</summary>
    internal const int BlockSize = 64;

    /// <summary>Issues enriched ahead of the writer at most: enough that the cores go on past a slow issue, few enough
    /// that every collection meanwhile promotes little (their annotations live until written). 256 rather than 512 cut
    /// the collectors' pauses by 5-10% and the analysis by 3-4% (exploitability, 100k resources, 20k findings, AOT).</summary>
    internal const int IssuesAhead = 4 * BlockSize;

    /// <summary>The enriched issues, in input order; nothing is enriched before the writer asks for the first. An
    /// issue whose enrichment fails ends the enumeration with its error once every issue before it is written.</summary>
    /// <param name="run">Runs the whole enrichment (a clock measures it); it returns the number of issues enriched.</param>
    public static IEnumerable<EncodedIssue> Enrich(
        IReadOnlyList<Issue> issues, Func<Issue, int, EncodedIssue> enrich, Func<Func<int>, int> run, CancellationToken cancellationToken)
    {
        if (issues.Count == 0)
        {
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var window = new Window(issues.Count);
        using var wake = stop.Token.Register(window.WakeWriter);
        var analysis = Task.Run(() => run(() => window.EnrichAll(issues, enrich, stop.Token)), stop.Token);
        try
        {
            for (var block = 0; block * BlockSize < issues.Count; block++)
            {
                var (values, errors, start, count) = window.TakeBlock(block, stop.Token);
                for (var i = start; i < start + count; i++)
                {
                    if (errors[i] is { } error)
                    {
                        throw new AggregateException(error);
                    }

                    yield return values[i];
                }

                window.ReleaseBlock(block);
            }

            analysis.GetAwaiter().GetResult();
        }
        finally
        {
            // The writer stopped early (it failed, or was cancelled): stop the workers and let them finish before the
            // window they fill is disposed.
            stop.Cancel();
            try
            {
                analysis.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Cancelled workers; a failure of the enrichment itself was thrown above in its issue's place.
            }
        }
    }

    /// <summary>The enriched issues not yet written, in slots reused block by block.</summary>
    private sealed class Window(int issueCount) : IDisposable
    {
        private const int Blocks = IssuesAhead / BlockSize;

        private readonly EncodedIssue[] _values = new EncodedIssue[IssuesAhead];
        // Never emptied: the first failure the writer meets ends the enumeration.
        private readonly Exception?[] _errors = new Exception?[IssuesAhead];
        private readonly int[] _filled = new int[Blocks];
        private readonly SemaphoreSlim _free = new(IssuesAhead);

        // A monitor, not a Lock: the writer waits on it for its block.
        private readonly object _gate = new();
        private int _next = -1;
        private volatile bool _failed;

        /// <summary>Every issue enriched, by as many workers as there are cores; returns the number of issues.</summary>
        public int EnrichAll(IReadOnlyList<Issue> issues, Func<Issue, int, EncodedIssue> enrich, CancellationToken cancellationToken)
        {
            var others = new Task[Math.Min(Environment.ProcessorCount, issueCount) - 1];
            for (var w = 0; w < others.Length; w++)
            {
                others[w] = Task.Run(() => Work(issues, enrich, cancellationToken), cancellationToken);
            }

            try
            {
                Work(issues, enrich, cancellationToken);
            }
            finally
            {
                // None still fills the window when the writer disposes it.
                Task.WaitAll(others, CancellationToken.None);
            }

            return issueCount;
        }

        /// <summary>Takes the next issue while the window has room. Once one has failed the rest are only marked done,
        /// so that the writer's block completes and it reaches the failure in its place.</summary>
        private void Work(IReadOnlyList<Issue> issues, Func<Issue, int, EncodedIssue> enrich, CancellationToken cancellationToken)
        {
            while (true)
            {
                _free.Wait(cancellationToken);
                var index = Interlocked.Increment(ref _next);
                if (index >= issueCount)
                {
                    return;
                }

                if (!_failed)
                {
                    try
                    {
                        _values[index % IssuesAhead] = enrich(issues[index], index);
                    }
                    catch (Exception e)
                    {
                        _errors[index % IssuesAhead] = e;
                        _failed = true;
                    }
                }

                var block = index / BlockSize;
                if (Interlocked.Increment(ref _filled[block % Blocks]) == CountOf(block))
                {
                    WakeWriter();
                }
            }
        }

        public void WakeWriter()
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Waits until every issue of <paramref name="block"/> is done.</summary>
        public (EncodedIssue[] Values, Exception?[] Errors, int Start, int Count) TakeBlock(int block, CancellationToken cancellationToken)
        {
            var count = CountOf(block);
            lock (_gate)
            {
                while (Volatile.Read(ref _filled[block % Blocks]) < count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }
            }

            return (_values, _errors, block % Blocks * BlockSize, count);
        }

        /// <summary>The block's slots emptied (their annotations are garbage now) and given to the workers again.</summary>
        public void ReleaseBlock(int block)
        {
            var count = CountOf(block);
            Array.Clear(_values, block % Blocks * BlockSize, count);
            Volatile.Write(ref _filled[block % Blocks], 0);
            _free.Release(count);
        }

        private int CountOf(int block) => Math.Min(BlockSize, issueCount - block * BlockSize);

        public void Dispose() => _free.Dispose();
    }
}
