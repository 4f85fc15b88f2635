using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using CloudPI.Dracon.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// Enriches issues on every core and hands them to the writer in input order. Each worker takes the next issue as soon
/// as it is done with its last, so no core waits for a slow issue of a chunk to finish (a group with thousands of
/// members, say); the writer takes the issues a block at a time, woken once per block. At most
/// <see cref="IssuesAhead"/> issues are enriched in their turn and not yet written, so only their annotations are held.
/// The later issues about a target are enriched right after its first, while the analyses' recent tables hold its verdicts
/// and identity, and held encoded until their turn, at most <see cref="FollowersAhead"/> of them.
/// </summary>
internal static class OrderedEnrichment
{
    /// <summary>Issues the writer takes at a time.</summary>
    internal const int BlockSize = 64;

    /// <summary>Issues enriched ahead of the writer at most: enough that the cores go on past a slow issue, few enough
    /// that every collection meanwhile promotes little (their annotations live until written). 256 rather than 512 cut
    /// the collectors' pauses by 5-10% and the analysis by 3-4% (exploitability, 100k resources, 20k findings, AOT).</summary>
    internal const int IssuesAhead = 4 * BlockSize;

    /// <summary>
    /// Issues enriched with an earlier one about the same target and held until the writer reaches them, at most: their
    /// encodings are held (a few kilobytes each, in <see cref="ParkedIssues"/>), not their verdicts. 100k resources, Native
    /// AOT, 30 interleaved runs: of 20k findings, 3,330 name a resource an earlier one names (7,000 issues later, on
    /// average), and the exploitability analysis took 9% less time (274 -> 248 ms; collector pauses 36 -> 28 ms), peak
    /// memory 11 MB more; the producer's 43,632 findings (13,542 such) ran 6.7% fewer instructions, in the same time.
    /// </summary>
    internal const int FollowersAhead = 4096;

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
                var (start, count) = window.TakeBlock(block, stop.Token);
                for (var i = start; i < start + count; i++)
                {
                    yield return window.Take(i);
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

    /// <summary>
    /// The enriched issues not yet written. A worker takes the issues in input order, and after each one enriches the later
    /// issues about the same target (<see cref="SameTarget"/>) while what it knows of that resource is recent: their
    /// verdicts are answered again from the analyses' recent tables rather than walked again thousands of issues later.
    /// Those are held until the writer reaches them, at most <see cref="FollowersAhead"/> at a time.
    /// </summary>
    private sealed class Window(int issueCount) : IDisposable
    {
        private const int Unclaimed = 0;
        private const int InTurn = 1;
        private const int Ahead = 2;

        // By issue, not in slots reused block by block: an issue enriched with an earlier one waits here until written.
        private readonly EncodedIssue?[] _values = new EncodedIssue?[issueCount];
        // Who enriches each issue: the worker whose turn it is, or one that enriched an earlier issue about its target.
        private readonly int[] _claims = new int[issueCount];
        private readonly int[] _filled = new int[(issueCount + BlockSize - 1) / BlockSize];
        // Rare, and read only once one has failed: the first failure the writer meets ends the enumeration.
        private readonly ConcurrentDictionary<int, Exception> _errors = new();
        private readonly ParkedIssues _parked = new();
        private readonly SemaphoreSlim _free = new(IssuesAhead);

        // A monitor, not a Lock: the writer waits on it for its block.
        private readonly object _gate = new();
        private int _next = -1;
        private int _ahead;
        // The first issue whose enrichment failed: issues after it are only marked done, those before it all enriched (an
        // issue enriched ahead can fail before earlier ones are), so the writer meets the failure in its place.
        private int _firstFailure = int.MaxValue;

        /// <summary>Every issue enriched, by as many workers as there are cores; returns the number of issues.</summary>
        public int EnrichAll(IReadOnlyList<Issue> issues, Func<Issue, int, EncodedIssue> enrich, CancellationToken cancellationToken)
        {
            var sameTarget = SameTarget.Next(issues);
            var others = new Task[Math.Min(Environment.ProcessorCount, issueCount) - 1];
            for (var w = 0; w < others.Length; w++)
            {
                others[w] = Task.Run(() => Work(issues, sameTarget, enrich, cancellationToken), cancellationToken);
            }

            try
            {
                Work(issues, sameTarget, enrich, cancellationToken);
            }
            finally
            {
                // None still fills the window when the writer disposes it.
                Task.WaitAll(others, CancellationToken.None);
            }

            return issueCount;
        }

        /// <summary>Takes the next issue while the window has room, unless a worker enriched it already with an earlier one
        /// about its target; then the later issues about that target nobody has taken.</summary>
        private void Work(IReadOnlyList<Issue> issues, int[] sameTarget, Func<Issue, int, EncodedIssue> enrich, CancellationToken cancellationToken)
        {
            while (true)
            {
                _free.Wait(cancellationToken);
                var index = Interlocked.Increment(ref _next);
                if (index >= issueCount)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _claims[index], InTurn, Unclaimed) != Unclaimed)
                {
                    continue;
                }

                Enrich(issues, index, enrich, park: false);
                for (var later = sameTarget[index]; later >= 0 && later < Volatile.Read(ref _firstFailure) && !cancellationToken.IsCancellationRequested; later = sameTarget[later])
                {
                    if (Volatile.Read(ref _ahead) >= FollowersAhead || Interlocked.CompareExchange(ref _claims[later], Ahead, Unclaimed) != Unclaimed)
                    {
                        break; // the rest are enriched in their turn, or by the worker that took this one
                    }

                    Interlocked.Increment(ref _ahead);
                    Enrich(issues, later, enrich, park: true);
                }
            }
        }

        /// <param name="park">Enriched ahead of its turn: held in <see cref="ParkedIssues"/> until written.</param>
        private void Enrich(IReadOnlyList<Issue> issues, int index, Func<Issue, int, EncodedIssue> enrich, bool park)
        {
            if (index < Volatile.Read(ref _firstFailure))
            {
                try
                {
                    var enriched = enrich(issues[index], index);
                    _values[index] = park ? _parked.Park(enriched) : enriched;
                }
                catch (Exception e)
                {
                    _errors[index] = e;
                    for (var first = Volatile.Read(ref _firstFailure); index < first; first = Volatile.Read(ref _firstFailure))
                    {
                        if (Interlocked.CompareExchange(ref _firstFailure, index, first) == first)
                        {
                            break;
                        }
                    }
                }
            }

            var block = index / BlockSize;
            if (Interlocked.Increment(ref _filled[block]) == CountOf(block))
            {
                WakeWriter();
            }
        }

        public void WakeWriter()
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Waits until every issue of <paramref name="block"/> is done; returns its first issue and how many it has.</summary>
        public (int Start, int Count) TakeBlock(int block, CancellationToken cancellationToken)
        {
            var count = CountOf(block);
            lock (_gate)
            {
                while (Volatile.Read(ref _filled[block]) < count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }
            }

            return (block * BlockSize, count);
        }

        /// <summary>The issue's enrichment, or the error it failed with.</summary>
        public EncodedIssue Take(int index)
        {
            if (index >= Volatile.Read(ref _firstFailure) && _errors.TryGetValue(index, out var error))
            {
                throw new AggregateException(error);
            }

            var value = _values[index]!;
            _values[index] = null; // its annotations are garbage once written
            if (_claims[index] == Ahead)
            {
                Interlocked.Decrement(ref _ahead);
            }

            return value;
        }

        /// <summary>The block's issues written: their turns are given to the workers again.</summary>
        public void ReleaseBlock(int block) => _free.Release(CountOf(block));

        private int CountOf(int block) => Math.Min(BlockSize, issueCount - block * BlockSize);

        public void Dispose() => _free.Dispose();
    }

    /// <summary>Issues about the same target, linked in input order.</summary>
    internal static class SameTarget
    {
        /// <summary>For each issue, the next one after it with the same target; -1 for none (and for issues with no target).</summary>
        public static int[] Next(IReadOnlyList<Issue> issues)
        {
            var next = new int[issues.Count];
            var last = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = -1;
                if (issues[i].Target is { Length: > 0 } target)
                {
                    ref var previous = ref CollectionsMarshal.GetValueRefOrAddDefault(last, target, out var seen);
                    if (seen)
                    {
                        next[previous] = i;
                    }

                    previous = i;
                }
            }

            return next;
        }
    }
}
