namespace CloudPI.Graph.Cartography;

/// <summary>
/// Typed access to a Cartography AWS graph of either label generation, through <see cref="CartographyKinds"/>.
/// </summary>
public sealed class CartographyView(PropertyGraph graph)
{
    public PropertyGraph Graph { get; } = graph;

    /// <summary>Nodes of <paramref name="kind"/> under any of its labels, each once.</summary>
    public IEnumerable<GraphNode> NodesOf(CartographyKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var current = Graph.NodesWithLabel(kind.CurrentLabel);
        // Nodes carrying both generations are listed under the current label already.
        var legacyOnly = kind.LegacyLabel is null
            ? []
            : Graph.NodesWithLabel(kind.LegacyLabel).Where(n => !n.HasLabel(kind.CurrentLabel));
        // The kind's own test leaves the excluded labels out: it is answered once per label set, where testing each
        // node's labels allocated a delegate per node (tens of thousands for an account's interfaces).
        return current.Concat(legacyOnly).Where(kind.Matches);
    }

    /// <summary>Every node of type <typeparamref name="T"/>, e.g. <c>view.All&lt;Ec2Instance&gt;()</c>.</summary>
    public IEnumerable<T> All<T>()
        where T : ICartographyNode<T> =>
        NodesOf(T.Kind).Select(T.Wrap);

    /// <summary>Finds a node of type <typeparamref name="T"/> by its Cartography <c>id</c> or <c>arn</c>.</summary>
    public bool TryFind<T>(string idOrArn, out T found)
        where T : ICartographyNode<T>
    {
        foreach (var node in Graph.FindAll(idOrArn))
        {
            if (T.Kind.Matches(node))
            {
                found = T.Wrap(node);
                return true;
            }
        }

        found = default!;
        return false;
    }
}
