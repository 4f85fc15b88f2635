namespace CloudPI.Graph;

/// <summary>A lightweight handle to one directed, typed relationship of a <see cref="PropertyGraph"/>.</summary>
public readonly struct GraphRelationship : IEquatable<GraphRelationship>
{
    internal GraphRelationship(PropertyGraph graph, int index)
    {
        Graph = graph;
        Index = index;
    }

    public PropertyGraph Graph { get; }

    public int Index { get; }

    public string ExternalId => Graph.RelationshipExternalId(Index);

    public string Type => Graph.RelationshipType(Index);

    internal int StartIndex => Graph.RelationshipStart(Index);

    internal int EndIndex => Graph.RelationshipEnd(Index);

    public GraphNode Start => new(Graph, StartIndex);

    public GraphNode End => new(Graph, EndIndex);

    public PropertyMap Properties => Graph.RelationshipProperties(Index);

    public object? this[string key] => Properties[key];

    public bool Equals(GraphRelationship other) => ReferenceEquals(Graph, other.Graph) && Index == other.Index;

    public override bool Equals(object? obj) => obj is GraphRelationship other && Equals(other);

    public override int GetHashCode() => Index;

    public static bool operator ==(GraphRelationship left, GraphRelationship right) => left.Equals(right);

    public static bool operator !=(GraphRelationship left, GraphRelationship right) => !left.Equals(right);

    public override string ToString() => $"{Start}-[:{Type}]->{End}";
}
