namespace CloudPI.Graph.Tests;

public class CacheTests
{
    private static PropertyGraph Chain(int nodes)
    {
        var builder = new PropertyGraphBuilder();
        for (var i = 0; i < nodes; i++)
        {
            builder.AddNode($"{i}", ["Node"], [new("id", $"n-{i}")]);
        }

        return builder.Build();
    }

    [Fact]
    public void A_node_memo_computes_each_node_once_and_keeps_the_first_value()
    {
        var graph = Chain(3);
        var memo = new NodeMemo<string>();
        var computed = 0;
        string Compute(GraphNode node)
        {
            computed++;
            return node.Id!;
        }

        Assert.Equal("n-1", memo.GetOrAdd(graph.GetNode(1), Compute));
        Assert.Same(memo.GetOrAdd(graph.GetNode(1), Compute), memo.GetOrAdd(graph.GetNode(1), _ => "other"));
        Assert.Equal("n-2", memo.GetOrAdd(graph.GetNode(2), Compute));
        Assert.Equal(2, computed);
        Assert.Throws<ArgumentException>(() => memo.GetOrAdd(Chain(5).GetNode(0), Compute));
    }

    [Fact]
    public void Recent_values_answer_a_repeated_key_once_and_compute_a_replaced_key_again()
    {
        var recent = new RecentValues<int, string>(capacity: 2);
        var computed = new List<int>();
        string Compute(int key)
        {
            computed.Add(key);
            return $"v{key}";
        }

        Assert.Equal("v1", recent.GetOrAdd(1, Compute));
        Assert.Equal("v1", recent.GetOrAdd(1, Compute));
        Assert.Equal([1], computed);

        // Four slots cannot hold a hundred keys: some later key took 1's slot, so 1 is computed again, equal.
        for (var key = 100; key < 200; key++)
        {
            Assert.Equal($"v{key}", recent.GetOrAdd(key, Compute));
        }

        Assert.Equal("v1", recent.GetOrAdd(1, Compute));
        Assert.Equal(1, computed[^1]);
        Assert.Equal(102, computed.Count);
    }

    [Fact]
    public void Recent_values_are_consistent_under_concurrent_use()
    {
        var recent = new RecentValues<int, string>(capacity: 64);
        Parallel.For(0, 100_000, i => Assert.Equal($"v{i % 500}", recent.GetOrAdd(i % 500, key => $"v{key}")));
    }

    [Fact]
    public void Names_are_found_by_text_whatever_string_object_asks_and_a_name_interned_later_is_found()
    {
        var table = new StringTable();
        var literal = "publicipaddress";
        var id = table.Intern(literal);
        var sameText = new string(literal.AsSpan());

        // The same literal twice (answered by reference the second time), then another object with the same text.
        Assert.True(table.TryGetId(literal, out var first));
        Assert.True(table.TryGetId(literal, out var again));
        Assert.True(table.TryGetId(sameText, out var byText));
        Assert.Equal([id, id, id], [first, again, byText]);

        var late = "ipv6address";
        Assert.False(table.TryGetId(late, out _));
        Assert.False(table.TryGetId(late, out _));
        var lateId = table.Intern(late);
        Assert.True(table.TryGetId(late, out var found));
        Assert.Equal(lateId, found);

        // Many names asked side by side: each answer is its own name's, slots shared or not.
        var names = Enumerable.Range(0, 1_000).Select(i => $"key-{i}").ToArray();
        var ids = names.Select(table.Intern).ToArray();
        Parallel.For(0, 100_000, i =>
        {
            Assert.True(table.TryGetId(names[i % names.Length], out var answer));
            Assert.Equal(ids[i % names.Length], answer);
        });
    }

    [Fact]
    public void Neighbours_follow_the_direction_and_list_a_self_loop_once()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("a", ["Node"], [new("id", "a")]);
        builder.AddNode("b", ["Node"], [new("id", "b")]);
        builder.AddRelationship("1", "LINK", "a", "b");
        builder.AddRelationship("2", "LINK", "a", "a");
        builder.AddRelationship("3", "OTHER", "b", "a");
        var graph = builder.Build();
        var a = graph.GetNode(0);

        Assert.Equal(["b", "a"], a.Neighbors("LINK", Direction.Outgoing).Select(n => n.Id));
        Assert.Equal(["a"], a.Neighbors("LINK", Direction.Incoming).Select(n => n.Id));
        Assert.Equal(["b", "a"], a.Neighbors("LINK", Direction.Both).Select(n => n.Id));
        Assert.Equal(["b"], a.Neighbors("OTHER", Direction.Both).Select(n => n.Id));
        Assert.Empty(a.Neighbors("MISSING", Direction.Both));
        Assert.True(a.Neighbors("MISSING", Direction.Both).IsEmpty);

        // foreach takes the struct enumerator, not the boxed one query operators use: the same nodes in the same order.
        var walked = new List<string?>();
        foreach (var neighbour in a.Neighbors("LINK", Direction.Both))
        {
            walked.Add(neighbour.Id);
        }

        Assert.Equal(["b", "a"], walked);
    }

    [Fact]
    public void Neighbours_of_one_type_keep_the_order_of_all_relationships_when_types_interleave()
    {
        var builder = new PropertyGraphBuilder();
        foreach (var id in new[] { "hub", "b", "c", "d", "e", "f" })
        {
            builder.AddNode(id, ["Node"], [new("id", id)]);
        }

        builder.AddRelationship("1", "OTHER", "hub", "b");
        builder.AddRelationship("2", "LINK", "hub", "c");
        builder.AddRelationship("3", "OTHER", "hub", "d");
        builder.AddRelationship("4", "LINK", "hub", "e");
        builder.AddRelationship("5", "LINK", "f", "hub");
        builder.AddRelationship("6", "OTHER", "f", "hub");
        var hub = builder.Build().GetNode(0);

        Assert.Equal(["c", "e"], hub.Neighbors("LINK", Direction.Outgoing).Select(n => n.Id));
        Assert.Equal(["b", "d"], hub.Neighbors("OTHER", Direction.Outgoing).Select(n => n.Id));
        Assert.Equal(["c", "e", "f"], hub.Neighbors("LINK", Direction.Both).Select(n => n.Id));
        Assert.Equal(["b", "c", "d", "e", "f", "f"], hub.Relationships(Direction.Both).Select(r => r.Start.Id == "hub" ? r.End.Id : r.Start.Id));
        Assert.Equal(["2", "4"], hub.Relationships(Direction.Outgoing, "LINK").Select(r => r.ExternalId));
    }
}
