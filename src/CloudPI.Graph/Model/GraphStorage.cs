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

    public Column<int> NodeLabelSets { get; } = new();

    public PropertyRuns NodeProperties { get; } = new();

    public ExternalIds RelationshipExternalIds { get; } = new(indexed: false);

    public Column<int> RelationshipTypeIds { get; } = new();

    public Column<int> RelationshipStarts { get; } = new();

    public Column<int> RelationshipEnds { get; } = new();

    public Column<StoredProperties> RelationshipProperties { get; } = new();

    public GraphStorage() => LabelSets = new LabelSets(Labels);

    /// <summary>Ends the loading: the columns become exact-length arrays.</summary>
    public void Freeze()
    {
        NodeExternalIds.Freeze();
        NodeLabelSets.Freeze();
        NodeProperties.Freeze();
        RelationshipExternalIds.Freeze();
        RelationshipTypeIds.Freeze();
        RelationshipStarts.Freeze();
        RelationshipEnds.Freeze();
        RelationshipProperties.Freeze();
    }
}
