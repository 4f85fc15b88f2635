namespace CloudPI.Graph;

/// <summary>Direction of a relationship as seen from a node.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}

/// <summary>A lightweight handle to one node of a <see cref="PropertyGraph"/>.</summary>
public readonly struct GraphNode : IEquatable<GraphNode>
{
    internal GraphNode(PropertyGraph graph, int index)
    {
        Graph = graph;
        Index = index;
    }

    public PropertyGraph Graph { get; }

    /// <summary>Dense 0-based position in the graph, stable for the graph's lifetime.</summary>
    public int Index { get; }

    /// <summary>The exporter's internal id (APOC's <c>id</c>, a Neo4j element id), not Cartography's <c>id</c> property.</summary>
    public string ExternalId => Graph.NodeExternalId(Index);

    /// <summary>Labels sorted ordinally.</summary>
    public IReadOnlyList<string> Labels => Graph.NodeLabels(Index);

    public PropertyMap Properties => Graph.NodeProperties(Index);

    /// <summary>Cartography's MERGE key (<c>id</c> property).</summary>
    public string? Id => Graph.NodeId(Index);

    public string? Arn => Properties.GetString("arn");

    public object? this[string key] => Properties[key];

    public bool HasLabel(string label) => Graph.NodeHasLabel(Index, label);

    public IEnumerable<GraphRelationship> Relationships(Direction direction, string? type = null) =>
        Graph.RelationshipsOf(Index, direction, type);

    /// <summary>Nodes at the other end of this node's relationships of <paramref name="type"/>.</summary>
    public NodeNeighbors Neighbors(string type, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Graph.NeighborsOf(Index, direction, type);
    }

    public bool Equals(GraphNode other) => ReferenceEquals(Graph, other.Graph) && Index == other.Index;

    public override bool Equals(object? obj) => obj is GraphNode other && Equals(other);

    public override int GetHashCode() => Index;

    public static bool operator ==(GraphNode left, GraphNode right) => left.Equals(right);

    public static bool operator !=(GraphNode left, GraphNode right) => !left.Equals(right);

    public override string ToString() => $"({string.Join(':', Labels)} {Id ?? ExternalId})";
}
