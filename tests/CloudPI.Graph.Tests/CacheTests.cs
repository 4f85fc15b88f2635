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
    public void Recent_values_keep_at_most_two_generations_and_compute_a_dropped_key_again()
    {
        var recent = new RecentValues<int, string>(capacity: 2);
        var computed = new List<int>();
        string Compute(int key)
        {
            computed.Add(key);
            return $"v{key}";
        }

        foreach (var key in new[] { 1, 2, 1, 3, 4, 1, 5, 6, 1 })
        {
            Assert.Equal($"v{key}", recent.GetOrAdd(key, Compute));
        }

        // A key found in the older generation moves to the newer one, so 1 survives while it is used; after its last
        // use, 5 and 6 fill a generation and the one holding 1 is dropped, so 1 is computed again.
        Assert.Equal([1, 2, 3, 4, 5, 6, 1], computed);
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
    }
}
