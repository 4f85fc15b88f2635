using CloudPI.Graph.Apoc;

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
            Assert.Equal(Enumerable.Range(0, lengths[node]), run.KeySpan.ToArray());
            Assert.All(run.ValueSpan.ToArray(), value => Assert.Equal(node, value));
        }
    }

    [Theory]
    [InlineData("7,8,9,10,11")]
    [InlineData("7,8,9,20,21,10")]
    [InlineData("7,8,x,9,0,042")]
    [InlineData("a,7,8")]
    public void External_ids_find_each_index_whether_consecutive_or_not(string list)
    {
        var ids = list.Split(',');
        var indexed = new ExternalIds(indexed: true);
        var plain = new ExternalIds(indexed: false);
        foreach (var id in ids)
        {
            Assert.True(indexed.TryAdd(System.Text.Encoding.UTF8.GetBytes(id)));
            Assert.True(plain.TryAdd(id));
        }

        indexed.Freeze();
        plain.Freeze();

        Assert.Equal(ids.Length, indexed.Count);
        for (var index = 0; index < ids.Length; index++)
        {
            Assert.Equal(ids[index], indexed[index]);
            Assert.Equal(ids[index], plain[index]);
            Assert.True(indexed.TryGetIndex(System.Text.Encoding.UTF8.GetBytes(ids[index]), out var found));
            Assert.Equal(index, found);
            Assert.True(indexed.TryGetIndex(ids[index], out found));
            Assert.Equal(index, found);
        }

        Assert.False(indexed.TryGetIndex("6", out _));
        Assert.False(indexed.TryGetIndex("12", out _));
        Assert.False(indexed.TryGetIndex("y", out _));
    }

    [Fact]
    public void Indexed_external_ids_refuse_a_repeated_id_inside_a_consecutive_run_and_keep_the_rest()
    {
        var ids = new ExternalIds(indexed: true);
        Assert.True(ids.TryAdd("3"));
        Assert.True(ids.TryAdd("4"));
        Assert.False(ids.TryAdd("3"));
        Assert.True(ids.TryAdd("5"));
        Assert.Equal(3, ids.Count);
        Assert.True(ids.TryGetIndex("5", out var index));
        Assert.Equal(2, index);
        Assert.Equal("4", ids[1]);
    }

    [Fact]
    public void Relationship_ids_may_repeat()
    {
        var ids = new ExternalIds(indexed: false);
        Assert.True(ids.TryAdd("1"));
        Assert.True(ids.TryAdd("1"));
        Assert.Equal(["1", "1"], [ids[0], ids[1]]);
    }

    [Fact]
    public void Packed_integers_of_every_width_read_back_what_was_written_across_word_boundaries_and_overwrites()
    {
        var random = new Random(16);
        for (var bits = 1; bits <= 31; bits++)
        {
            var bound = bits == 31 ? int.MaxValue : 1 << bits;
            const int count = 300; // 300 values of any width cross several 64-bit words, some split between two
            var packed = new PackedInts(count, bound);
            var expected = new int[count];
            Assert.Equal(bits, packed.Bits);

            // Written out of order and twice, so a value's neighbours' bits are set when it is rewritten.
            for (var round = 0; round < 2; round++)
            {
                foreach (var i in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
                {
                    expected[i] = i % 7 == 0 ? bound - 1 : random.Next(bound);
                    packed[i] = expected[i];
                }
            }

            Assert.Equal(expected, Enumerable.Range(0, count).Select(i => packed[i]));
            Assert.Equal(expected[10..50], packed.Range(10, 40));
            var enumerated = new List<int>();
            foreach (var value in packed.Range(250, 50))
            {
                enumerated.Add(value);
            }

            Assert.Equal(expected[250..], enumerated);
        }
    }

    [Fact]
    public void Packed_integers_take_only_the_bits_their_bound_needs_and_refuse_values_and_places_outside_it()
    {
        Assert.Equal(17, new PackedInts(1, 104_215).Bits);
        Assert.Equal(1, new PackedInts(1, 1).Bits);
        Assert.Equal(1, new PackedInts(1, 2).Bits);
        Assert.Equal(2, new PackedInts(1, 3).Bits);

        int[] values = [4, 0, 3];
        var packed = PackedInts.From(values.Length, bound: 5, i => values[i]);
        Assert.Equal([4, 0, 3], [packed[0], packed[1], packed[2]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[1] = 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[1] = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed.Range(2, 2));
        Assert.Empty(PackedInts.Empty.Range(0, 0));
    }
}
