namespace CloudPI.Graph.Cartography;

/// <summary>A typed, read-only view of one Cartography node: property readers over the graph, no copied data.</summary>
public interface ICartographyNode
{
    GraphNode Node { get; }
}

/// <summary>A typed node that knows its kind and how to wrap a matching graph node.</summary>
public interface ICartographyNode<TSelf> : ICartographyNode
    where TSelf : ICartographyNode<TSelf>
{
    static abstract CartographyKind Kind { get; }

    static abstract TSelf Wrap(GraphNode node);
}

/// <summary>Readers shared by every Cartography node.</summary>
public static class CartographyNodeExtensions
{
    /// <summary>Neighbours over <paramref name="relationshipType"/> that are of kind <typeparamref name="T"/>.</summary>
    public static RelatedNodes<T> Related<T>(this GraphNode node, string relationshipType, Direction direction)
        where T : ICartographyNode<T> =>
        new(node.Neighbors(relationshipType, direction));

    /// <summary>Tags attached with <c>TAGGED</c>.</summary>
    public static RelatedNodes<Tag> Tags<T>(this T resource)
        where T : ICartographyNode =>
        resource.Node.Related<Tag>("TAGGED", Direction.Outgoing);

    /// <summary>The node's tags as key → value (a key tagged twice keeps its first value).</summary>
    public static NodeTags TagMap(this GraphNode node) => NodeTags.Of(node);

    /// <summary>The value of tag <paramref name="key"/>, or null.</summary>
    public static string? TagValue<T>(this T resource, string key)
        where T : ICartographyNode =>
        resource.Tags().Where(t => t.Key == key).Select(t => t.Value).FirstOrDefault();

    public static string? Region<T>(this T resource)
        where T : ICartographyNode =>
        resource.Node.Properties.GetString("region");

    /// <summary>Analysis flag: true when set, false when absent (absent can also mean "not computed").</summary>
    public static bool ExposedInternet<T>(this T resource)
        where T : ICartographyNode =>
        resource.Node.Properties.GetBool("exposed_internet") == true;
}

/// <summary>
/// The neighbours of one kind, typed, as a view over the adjacency: typed readers are the analyses' inner loops, and a
/// <c>foreach</c> over this view (or a spread into a collection) allocates nothing; LINQ works on it as on any sequence.
/// </summary>
public readonly struct RelatedNodes<T>(NodeNeighbors neighbors) : IEnumerable<T>
    where T : ICartographyNode<T>
{
    public Enumerator GetEnumerator() => new(neighbors.GetEnumerator());

    /// <summary>The neighbours in a list sized for them (a relationship type mostly joins one kind): a spread or LINQ's
    /// ToList would grow it from four, and the analyses list an instance's interfaces, subnets and groups for every one.</summary>
    public List<T> ToList()
    {
        var list = new List<T>(neighbors.MaxCount);
        foreach (var node in this)
        {
            list.Add(node);
        }

        return list;
    }

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(NodeNeighbors.Enumerator neighbors) : IEnumerator<T>
    {
        private NodeNeighbors.Enumerator _neighbors = neighbors;

        public T Current { get; private set; } = default!;

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (_neighbors.MoveNext())
            {
                if (T.Kind.Matches(_neighbors.Current))
                {
                    Current = T.Wrap(_neighbors.Current);
                    return true;
                }
            }

            return false;
        }

        public readonly void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }
}
