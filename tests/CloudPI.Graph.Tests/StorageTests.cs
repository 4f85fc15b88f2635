namespace CloudPI.Graph.Tests;

public class StorageTests
{
    [Fact]
    public void A_column_reads_the_same_values_while_loading_and_once_frozen_across_chunks()
    {
        var column = new Column<long>();
        const int count = 10_000;
        for (var i = 0; i < count; i++)
        {
            column.Add(i * 3L);
        }

        Assert.Equal(count, column.Count);
        Assert.Equal(4096 * 3L, column[4096]);
        Assert.Throws<ArgumentOutOfRangeException>(() => column[count]);
        Assert.Throws<InvalidOperationException>(() => column.AsSpan());

        column.Freeze();

        Assert.Equal(count, column.AsSpan().Length);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(i * 3L, column[i]));
        Assert.Throws<InvalidOperationException>(() => column.Add(1));
    }

    [Fact]
    public void An_empty_column_freezes_to_no_values()
    {
        var column = new Column<int>();
        column.Freeze();
        Assert.Equal(0, column.AsSpan().Length);
    }

    [Fact]
    public void Property_runs_keep_each_node_apart_at_chunk_ends_for_empty_and_oversized_runs()
    {
        // Runs of 0 to 9 properties fill chunks unevenly, with empty runs at chunk ends; two runs exceed a chunk.
        var runs = new PropertyRuns();
        var lengths = Enumerable.Range(0, 3_000).Select(i => i switch { 700 => 5_000, 701 => 9_000, _ => i * 7 % 10 }).ToList();
        foreach (var (length, node) in lengths.Select((l, n) => (l, n)))
        {
            runs.Add(Enumerable.Range(0, length).Select(k => new NodeProperty(k, node)).ToArray());
        }

        runs.Freeze();

        for (var node = 0; node < lengths.Count; node++)
        {
            var run = runs[node];
            Assert.Equal(lengths[node], run.Count);
            Assert.All(run.Select((p, k) => (p, k)), e => Assert.Equal(new NodeProperty(e.k, node), e.p));
        }
    }
}
