namespace CloudPI.Graph;

/// <summary>Column-wise storage shared by the builder and the finished graph (no per-node objects).</summary>
internal sealed class GraphStorage
{
    public StringTable Labels { get; } = new();

    public StringTable RelationshipTypes { get; } = new();

    public StringTable PropertyKeys { get; } = new();

    /// <summary>Distinct label combinations; nodes store the index of theirs (most nodes share a handful).</summary>
    public LabelSets LabelSets { get; }

    public ExternalIds NodeExternalIds { get; } = new(indexed: true);

    public List<int> NodeLabelSets { get; } = [];

    public PropertyRuns NodeProperties { get; } = new();

    public ExternalIds RelationshipExternalIds { get; } = new(indexed: false);

    public List<int> RelationshipTypeIds { get; } = [];

    public List<int> RelationshipStarts { get; } = [];

    public List<int> RelationshipEnds { get; } = [];

    public List<NodeProperty[]> RelationshipProperties { get; } = [];

    public GraphStorage() => LabelSets = new LabelSets(Labels);

    public void TrimExcess()
    {
        NodeExternalIds.TrimExcess();
        NodeLabelSets.TrimExcess();
        NodeProperties.TrimExcess();
        RelationshipExternalIds.TrimExcess();
        RelationshipTypeIds.TrimExcess();
        RelationshipStarts.TrimExcess();
        RelationshipEnds.TrimExcess();
        RelationshipProperties.TrimExcess();
    }
}
