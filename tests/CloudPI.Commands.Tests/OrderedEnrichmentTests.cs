using CloudPI.Commands.Enrichers;
using CloudPI.Dracon.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Tests;

/// <summary>
/// The enricher analyses on every core a bounded number of issues ahead of its writer: the issues still come in input
/// order, a failing analysis fails the run (after every issue before it), and a writer that stops early stops the
/// analysis instead of waiting on it.
/// </summary>
public class OrderedEnrichmentTests
{
    private static readonly Issue[] Issues = [.. Enumerable.Range(0, 2_000).Select(i => new Issue { Target = $"t{i}", Type = "x" })];

    private static EncodedIssue Enrich(Issue issue, int index)
    {
        var annotated = new AnnotatedIssue(issue);
        annotated.Set("index", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return annotated.Encode();
    }

    private static int Run(Func<int> work) => work();

    [Fact]
    public void Issues_come_in_input_order_across_blocks()
    {
        var enriched = OrderedEnrichment.Enrich(Issues, Enrich, Run, CancellationToken.None).Select(e => EnrichedIssue.Parser.ParseFrom(e.Bytes.Span)).ToList();

        Assert.Equal(Issues.Select(i => i.Target), enriched.Select(e => e.RawIssue.Target));
        Assert.Equal(Enumerable.Range(0, Issues.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), enriched.Select(e => e.Annotations["index"]));
    }

    [MultiCoreFact]
    public void A_slow_issue_does_not_hold_back_the_issues_after_it()
    {
        // Issue 0 waits for issue 200 (past the writer's first block, within the window): only a worker that goes on
        // past a slow issue, rather than waiting for its chunk to finish, lets it.
        using var laterDone = new ManualResetEventSlim();
        var sawLater = false;
        var enriched = OrderedEnrichment.Enrich(
            Issues,
            (issue, index) =>
            {
                if (index == 0)
                {
                    sawLater = laterDone.Wait(TimeSpan.FromSeconds(30));
                }
                else if (index == 200)
                {
                    laterDone.Set();
                }

                return Enrich(issue, index);
            },
            Run,
            CancellationToken.None).Select(e => EnrichedIssue.Parser.ParseFrom(e.Bytes.Span).RawIssue.Target).ToList();

        Assert.True(sawLater, "issue 0 waited 30 s for issue 200, which no other worker enriched meanwhile");
        Assert.Equal(Issues.Select(i => i.Target), enriched);
    }

    /// <summary>A fact about work on several cores at once: skipped, with the reason, on a machine with one.</summary>
    private sealed class MultiCoreFactAttribute : FactAttribute
    {
        public MultiCoreFactAttribute()
        {
            if (Environment.ProcessorCount < 2)
            {
                Skip = $"needs two cores; this machine has {Environment.ProcessorCount}";
            }
        }
    }

    [Fact]
    public void A_failing_analysis_fails_the_enumeration_after_every_issue_before_it() => FailsAfterEveryIssueBefore1500(Issues);

    /// <summary>Issue 1,500 fails: the enumeration gives the 1,500 issues before it, then fails with its error.</summary>
    private static void FailsAfterEveryIssueBefore1500(Issue[] issues)
    {
        var written = 0;
        var failing = OrderedEnrichment.Enrich(issues, (issue, index) => index == 1_500 ? throw new InvalidDataException("bad issue 1500") : Enrich(issue, index), Run, CancellationToken.None);

        var error = Assert.Throws<AggregateException>(() =>
        {
            foreach (var _ in failing)
            {
                written++;
            }
        });

        Assert.Contains(error.Flatten().InnerExceptions, e => e is InvalidDataException { Message: "bad issue 1500" });
        Assert.Equal(1_500, written);
    }

    /// <summary>Issues about ten targets in turn: each target's issues follow one another ten apart.</summary>
    private static readonly Issue[] TenTargets = [.. Enumerable.Range(0, 2_000).Select(i => new Issue { Target = $"t{i % 10}", Type = "x" })];

    [Fact]
    public void Later_issues_about_the_same_target_are_linked_in_input_order()
    {
        Issue[] issues = [new() { Target = "a" }, new() { Target = "b" }, new() { Target = "a" }, new() { Target = "" }, new() { Target = "" }, new() { Target = "a" }, new() { Target = "b" }];

        Assert.Equal([2, 6, 5, -1, -1, -1, -1], OrderedEnrichment.SameTarget.Next(issues));
    }

    [Fact]
    public void Issues_about_one_target_are_enriched_one_after_another_and_written_in_input_order()
    {
        // What a worker knows of a resource (its verdicts, its identity) is recent only while its issues come together.
        var order = new List<(int Thread, int Index)>();
        var written = OrderedEnrichment.Enrich(
            TenTargets,
            (issue, index) =>
            {
                lock (order)
                {
                    order.Add((Environment.CurrentManagedThreadId, index));
                }

                return Enrich(issue, index);
            },
            Run,
            CancellationToken.None).Select(e => EnrichedIssue.Parser.ParseFrom(e.Bytes.Span).Annotations["index"]).ToList();

        Assert.Equal(Enumerable.Range(0, TenTargets.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), written);
        Assert.Equal(Enumerable.Range(0, TenTargets.Length), order.Select(o => o.Index).Order());
        var nextOnItsThread = order.GroupBy(o => o.Thread).SelectMany(t => t.Zip(t.Skip(1), (a, b) => (a.Index, Next: b.Index))).ToDictionary(p => p.Index, p => p.Next);
        var together = Enumerable.Range(0, TenTargets.Length - 10).Count(i => nextOnItsThread.GetValueOrDefault(i, -1) == i + 10);
        // Only where two workers meet at a target's first issues can a link be broken.
        Assert.True(together >= 0.95 * (TenTargets.Length - 10), $"{together} of {TenTargets.Length - 10} issues were followed on their thread by the next issue about their target");
    }

    [Fact]
    public void Issues_enriched_ahead_about_one_target_are_bounded()
    {
        Issue[] oneTarget = [.. Enumerable.Range(0, 3 * OrderedEnrichment.FollowersAhead).Select(_ => new Issue { Target = "t0", Type = "x" })];
        var enriched = 0;
        var mostAhead = 0;
        var written = 0;
        foreach (var _ in OrderedEnrichment.Enrich(oneTarget, (issue, index) => { Interlocked.Increment(ref enriched); return Enrich(issue, index); }, Run, CancellationToken.None))
        {
            written++;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref enriched) - written);
        }

        Assert.Equal(oneTarget.Length, written);
        Assert.InRange(mostAhead, 1, OrderedEnrichment.IssuesAhead + OrderedEnrichment.FollowersAhead + Environment.ProcessorCount);
    }

    [Fact] // Issue 1,500 is enriched with issue 0, its target's first, long before the writer reaches the issues before it.
    public void An_issue_enriched_ahead_that_fails_fails_the_enumeration_after_every_issue_before_it() => FailsAfterEveryIssueBefore1500(TenTargets);

    [Fact]
    public void A_writer_that_stops_early_stops_the_analysis()
    {
        var analysed = 0;
        using (var enriched = OrderedEnrichment.Enrich(Issues, (issue, index) => { Interlocked.Increment(ref analysed); return Enrich(issue, index); }, Run, CancellationToken.None).GetEnumerator())
        {
            Assert.True(enriched.MoveNext());
        }

        var stoppedAt = Volatile.Read(ref analysed);
        Thread.Sleep(200);

        // Disposing waited for the analysis to stop: nothing more is analysed afterwards, and far from everything was.
        Assert.Equal(stoppedAt, Volatile.Read(ref analysed));
        Assert.True(stoppedAt < Issues.Length, $"{stoppedAt} of {Issues.Length} analysed after the writer stopped at the first");
    }

    [Fact]
    public void Cancellation_stops_the_enumeration()
    {
        using var cancel = new CancellationTokenSource();
        var count = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in OrderedEnrichment.Enrich(Issues, Enrich, Run, cancel.Token))
            {
                if (++count == 10)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.True(count < Issues.Length);
    }
}
