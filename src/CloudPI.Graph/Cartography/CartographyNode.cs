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
    public static IEnumerable<T> Related<T>(this GraphNode node, string relationshipType, Direction direction)
        where T : ICartographyNode<T>
    {
        // Typed readers are the analyses' inner loops: most find no neighbour, and need no iterator for it.
        var neighbors = node.Neighbors(relationshipType, direction);
        return neighbors.IsEmpty ? [] : OfKind<T>(neighbors);
    }

    private static IEnumerable<T> OfKind<T>(NodeNeighbors neighbors)
        where T : ICartographyNode<T>
    {
        foreach (var neighbor in neighbors)
        {
            if (T.Kind.Matches(neighbor))
            {
                yield return T.Wrap(neighbor);
            }
        }
    }

    /// <summary>Tags attached with <c>TAGGED</c>.</summary>
    public static IEnumerable<Tag> Tags<T>(this T resource)
        where T : ICartographyNode =>
        resource.Node.Related<Tag>("TAGGED", Direction.Outgoing);

    /// <summary>The node's tags as key → value (a key tagged twice keeps its first value).</summary>
    public static IReadOnlyDictionary<string, string> TagMap(this GraphNode node)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in node.Related<Tag>("TAGGED", Direction.Outgoing))
        {
            if (tag.Key is { } key)
            {
                tags.TryAdd(key, tag.Value ?? string.Empty);
            }
        }

        return tags;
    }

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
