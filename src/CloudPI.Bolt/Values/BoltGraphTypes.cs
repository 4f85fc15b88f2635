using CloudPI.Bolt.PackStream;

namespace CloudPI.Bolt.Values;

/// <summary>A node. On Bolt 4.4 servers, which have no element ids, <see cref="ElementId"/> is the id as text (as the official drivers do).</summary>
public sealed record BoltNode(long Id, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties, string ElementId)
    : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => dialect.HasElementIds
        ? new(BoltStructureTag.Node, [Id, Labels, Properties, ElementId])
        : new(BoltStructureTag.Node, [Id, Labels, Properties]);
}

/// <summary>A relationship with its endpoints.</summary>
public sealed record BoltRelationship(
    long Id,
    long StartNodeId,
    long EndNodeId,
    string Type,
    IReadOnlyDictionary<string, object?> Properties,
    string ElementId,
    string StartNodeElementId,
    string EndNodeElementId) : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => dialect.HasElementIds
        ? new(BoltStructureTag.Relationship, [Id, StartNodeId, EndNodeId, Type, Properties, ElementId, StartNodeElementId, EndNodeElementId])
        : new(BoltStructureTag.Relationship, [Id, StartNodeId, EndNodeId, Type, Properties]);
}

/// <summary>A relationship without endpoints, as sent inside a path; <see cref="BoltPath"/> binds it to its nodes.</summary>
public sealed record BoltUnboundRelationship(long Id, string Type, IReadOnlyDictionary<string, object?> Properties, string ElementId)
    : IBoltStructured
{
    public PackStreamStructure ToStructure(BoltDialect dialect) => dialect.HasElementIds
        ? new(BoltStructureTag.UnboundRelationship, [Id, Type, Properties, ElementId])
        : new(BoltStructureTag.UnboundRelationship, [Id, Type, Properties]);

    public BoltRelationship Bind(BoltNode start, BoltNode end) =>
        new(Id, start.Id, end.Id, Type, Properties, ElementId, start.ElementId, end.ElementId);
}

/// <summary>
/// A path in traversal order: <c>Nodes[i] -Relationships[i]- Nodes[i+1]</c>, each relationship carrying its real direction.
/// </summary>
public sealed record BoltPath(IReadOnlyList<BoltNode> Nodes, IReadOnlyList<BoltRelationship> Relationships) : IBoltStructured
{
    public BoltNode Start => Nodes[0];

    public BoltNode End => Nodes[^1];

    /// <summary>
    /// Rebuilds the path from the wire form: distinct nodes, distinct unbound relationships, and index pairs
    /// (1-based relationship index, negative when traversed backwards; 0-based node index).
    /// </summary>
    public static BoltPath FromWire(IReadOnlyList<BoltNode> nodes, IReadOnlyList<BoltUnboundRelationship> relationships, IReadOnlyList<long> indices)
    {
        if (nodes.Count == 0)
        {
            throw new BoltProtocolException("A path structure has no nodes.");
        }

        if (indices.Count % 2 != 0)
        {
            throw new BoltProtocolException($"A path structure has an odd number ({indices.Count}) of indices.");
        }

        var pathNodes = new List<BoltNode>(indices.Count / 2 + 1) { nodes[0] };
        var pathRelationships = new List<BoltRelationship>(indices.Count / 2);
        var current = nodes[0];
        for (var i = 0; i < indices.Count; i += 2)
        {
            var relationshipIndex = indices[i];
            var nodeIndex = indices[i + 1];
            if (relationshipIndex == 0 || Math.Abs(relationshipIndex) > relationships.Count || nodeIndex < 0 || nodeIndex >= nodes.Count)
            {
                throw new BoltProtocolException($"Path index pair ({relationshipIndex}, {nodeIndex}) is out of range for {relationships.Count} relationships and {nodes.Count} nodes.");
            }

            var next = nodes[(int)nodeIndex];
            var unbound = relationships[(int)Math.Abs(relationshipIndex) - 1];
            pathRelationships.Add(relationshipIndex > 0 ? unbound.Bind(current, next) : unbound.Bind(next, current));
            pathNodes.Add(next);
            current = next;
        }

        return new BoltPath(pathNodes, pathRelationships);
    }

    public PackStreamStructure ToStructure(BoltDialect dialect)
    {
        var distinctNodes = new List<BoltNode>();
        var distinctRelationships = new List<BoltRelationship>();
        var indices = new List<object?>(Relationships.Count * 2);
        distinctNodes.Add(Start);
        for (var i = 0; i < Relationships.Count; i++)
        {
            var relationship = Relationships[i];
            var relationshipIndex = IndexOrAdd(distinctRelationships, relationship, r => r.Id) + 1;
            var forwards = relationship.StartNodeId == Nodes[i].Id;
            indices.Add((long)(forwards ? relationshipIndex : -relationshipIndex));
            indices.Add((long)IndexOrAdd(distinctNodes, Nodes[i + 1], n => n.Id));
        }

        var unbound = distinctRelationships
            .Select(r => (object?)new BoltUnboundRelationship(r.Id, r.Type, r.Properties, r.ElementId).ToStructure(dialect))
            .ToList();
        return new(BoltStructureTag.Path, [distinctNodes.Select(n => (object?)n.ToStructure(dialect)).ToList(), unbound, indices]);
    }

    private static int IndexOrAdd<T>(List<T> items, T item, Func<T, long> identity)
    {
        var index = items.FindIndex(existing => identity(existing) == identity(item));
        if (index >= 0)
        {
            return index;
        }

        items.Add(item);
        return items.Count - 1;
    }
}
