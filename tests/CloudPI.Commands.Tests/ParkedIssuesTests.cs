using System.Runtime.InteropServices;
using CloudPI.Commands.Enrichers;
using CloudPI.Dracon.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Tests;

/// <summary>
/// Issues enriched ahead of their turn are held in shared chunks until written: each keeps its bytes intact however many
/// are parked or written meanwhile, on several threads, and a chunk is reused only once every issue in it is written.
/// </summary>
public class ParkedIssuesTests
{
    /// <summary>An encoded issue of about <paramref name="size"/> bytes whose annotation names <paramref name="index"/>.</summary>
    private static EncodedIssue Encoded(int index, int size = 2_000)
    {
        var annotated = new AnnotatedIssue(new Issue { Uuid = $"u{index}", Target = $"t{index}" });
        annotated.Set("index", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        annotated.Set("padding", new string((char)('a' + (index % 26)), size));
        return annotated.Encode();
    }

    private static int IndexOf(EncodedIssue issue) =>
        int.Parse(EnrichedIssue.Parser.ParseFrom(issue.Bytes.Span).Annotations["index"], System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] ChunkOf(EncodedIssue issue) =>
        MemoryMarshal.TryGetArray(issue.Bytes, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");

    [Fact]
    public void A_parked_issue_keeps_its_bytes_uuid_and_findings()
    {
        var parked = new ParkedIssues();
        var original = Encoded(7);
        var bytes = original.Bytes.ToArray();

        var held = parked.Park(original);

        Assert.Equal(bytes, held.Bytes.ToArray());
        Assert.Equal("u7", held.RawIssueUuid);
        Assert.Null(held.EmptyAnnotation);
        Assert.True(original.Bytes.IsEmpty, "the original's own array went back to its pool");
    }

    [Fact]
    public void A_chunk_is_reused_only_once_every_issue_in_it_is_written()
    {
        var parked = new ParkedIssues();
        var first = Enumerable.Range(0, 600).Select(i => parked.Park(Encoded(i))).ToList();
        var firstChunk = ChunkOf(first[0]);
        var inFirst = first.Where(i => ChunkOf(i) == firstChunk).ToList();
        Assert.InRange(inFirst.Count, 100, first.Count - 1); // 600 issues of 2 KB fill more than one 1 MB chunk

        // All but one of the first chunk's issues written: it is not reused, and what it still holds stays intact.
        foreach (var issue in inFirst.Skip(1))
        {
            issue.Release();
        }

        var more = Enumerable.Range(600, 1_000).Select(i => parked.Park(Encoded(i))).ToList();
        Assert.DoesNotContain(more, i => ChunkOf(i) == firstChunk);
        Assert.Equal(0, IndexOf(inFirst[0]));

        // Every issue written: the chunks serve the next issues, and no new one is made.
        Assert.Equal(Enumerable.Range(inFirst.Count, first.Count - inFirst.Count), first.Except(inFirst).Select(IndexOf));
        var chunks = first.Concat(more).Select(ChunkOf).ToHashSet();
        foreach (var issue in first.Except(inFirst.Skip(1)).Concat(more))
        {
            issue.Release();
        }

        var after = Enumerable.Range(1_600, 1_000).Select(i => parked.Park(Encoded(i))).ToList();
        Assert.All(after, i => Assert.Contains(ChunkOf(i), chunks));
        Assert.Equal(Enumerable.Range(1_600, 1_000), after.Select(IndexOf));
    }

    [Fact]
    public async Task Issues_parked_and_written_on_several_threads_keep_their_bytes()
    {
        // Two threads park while a third writes (checks and releases) what they parked, in its own order.
        var parked = new ParkedIssues();
        var queue = new System.Collections.Concurrent.BlockingCollection<(int Index, EncodedIssue Issue)>();
        var wrong = new List<string>();
        var writer = Task.Run(() =>
        {
            foreach (var (index, issue) in queue.GetConsumingEnumerable())
            {
                if (IndexOf(issue) != index)
                {
                    wrong.Add($"issue {index} read as {IndexOf(issue)}");
                }

                issue.Release();
            }
        });

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => queue.Add((i, parked.Park(Encoded(i, 200 + (i % 7 * 500))))));
        queue.CompleteAdding();
        await writer;

        Assert.Empty(wrong);
    }
}
