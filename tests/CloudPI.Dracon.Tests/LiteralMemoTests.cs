using CloudPI.Dracon.Enrichers;

namespace CloudPI.Dracon.Tests;

public class LiteralMemoTests
{
    [Fact]
    public void A_literal_is_computed_once_and_every_name_gets_its_own_value()
    {
        var computed = new List<string>();
        var memo = new LiteralMemo<string>(name =>
        {
            computed.Add(name);
            return name.ToUpperInvariant();
        });

        Assert.Equal("KIND", memo.Of("kind"));
        Assert.Equal("KIND", memo.Of("kind"));
        Assert.Equal(["kind"], computed);

        // Names made at run time are other string objects: answered from their own text, never from a slot they share.
        var names = Enumerable.Range(0, 2_000).Select(i => $"name-{i}").ToList();
        foreach (var name in names.Concat(names))
        {
            Assert.Equal(name.ToUpperInvariant(), memo.Of(name));
        }

        var copy = new string("kind".AsSpan());
        Assert.Equal("KIND", memo.Of(copy));
    }

    [Fact]
    public void Threads_asking_side_by_side_get_each_name_s_value()
    {
        var memo = new LiteralMemo<int>(name => name.Length);
        var names = Enumerable.Range(0, 500).Select(i => new string('x', i % 37 + 1)).ToArray();

        Parallel.For(0, 20_000, i =>
        {
            var name = names[i % names.Length];
            Assert.Equal(name.Length, memo.Of(name));
        });
    }
}
