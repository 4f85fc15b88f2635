namespace CloudPI.Graph;

/// <summary>A count for one label or relationship type.</summary>
public sealed record NameCount(string Name, int Count);

/// <summary>Node and relationship counts of a graph, per label and per relationship type (largest first).</summary>
public sealed record GraphStatistics(
    int NodeCount,
    int RelationshipCount,
    IReadOnlyList<NameCount> NodesPerLabel,
    IReadOnlyList<NameCount> RelationshipsPerType)
{
    /// <summary>Counts of <paramref name="graph"/>; a node with several labels counts once under each.</summary>
    public static GraphStatistics Compute(PropertyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new GraphStatistics(
            graph.NodeCount,
            graph.RelationshipCount,
            Sorted(graph.LabelNames.Select(label => new NameCount(label, graph.CountNodesWithLabel(label)))),
            Sorted(graph.RelationshipTypeNames.Select(type => new NameCount(type, graph.CountRelationshipsWithType(type)))));
    }

    private static NameCount[] Sorted(IEnumerable<NameCount> counts) =>
        counts.Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
}
