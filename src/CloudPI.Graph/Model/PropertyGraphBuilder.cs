using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// Accumulates nodes and relationships (nodes before the relationships that use them, as APOC exports and Bolt
/// streams deliver them), then freezes them into a <see cref="PropertyGraph"/> with its indexes.
/// </summary>
public sealed class PropertyGraphBuilder
{
    private GraphStorage? _storage = new();

    internal GraphStorage Storage => _storage ?? throw new InvalidOperationException("Build() was already called on this builder.");

    internal ValueCache Values { get; } = new();

    internal PropertyArrayCache PropertyArrays { get; } = new();

    public int NodeCount => Storage.NodeExternalIds.Count;

    public int RelationshipCount => Storage.RelationshipStarts.Count;

    public bool ContainsNode(string externalId) => Storage.NodeExternalIds.TryGetIndex(externalId, out _);

    /// <summary>Adds a node; <paramref name="externalId"/> is the exporter's internal id and must be unique.</summary>
    public void AddNode(string externalId, IEnumerable<string> labels, IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        ArgumentNullException.ThrowIfNull(labels);
        var storage = Storage;
        var labelIds = labels.Select(storage.Labels.Intern).ToArray();
        AddNode(externalId, storage.LabelSets.Intern(labelIds), ToStored(properties));
    }

    /// <summary>Adds a relationship between two nodes already added, named by their external ids.</summary>
    /// <exception cref="KeyNotFoundException">An end node was not added.</exception>
    public void AddRelationship(
        string externalId,
        string type,
        string startExternalId,
        string endExternalId,
        IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        ArgumentException.ThrowIfNullOrEmpty(type);
        var storage = Storage;
        AddRelationship(
            externalId,
            storage.RelationshipTypes.Intern(type),
            NodeIndex(startExternalId),
            NodeIndex(endExternalId),
            PropertyArrays.Share(ToStored(properties)));
    }

    /// <summary>Freezes the graph and builds its indexes; the builder cannot be used afterwards.</summary>
    public PropertyGraph Build()
    {
        var storage = Storage;
        _storage = null;
        storage.Freeze();
        return new PropertyGraph(storage);
    }

    internal void AddNode(string externalId, int labelSetId, ReadOnlySpan<NodeProperty> properties)
    {
        if (!Storage.NodeExternalIds.TryAdd(externalId))
        {
            throw new ArgumentException($"duplicate node id \"{externalId}\"", nameof(externalId));
        }

        AddNodeData(labelSetId, properties);
    }

    /// <summary>Adds a node from its UTF-8 id; false when the id is already taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryAddNode(ReadOnlySpan<byte> externalId, int labelSetId, ReadOnlySpan<NodeProperty> properties)
    {
        if (!Storage.NodeExternalIds.TryAdd(externalId))
        {
            return false;
        }

        AddNodeData(labelSetId, properties);
        return true;
    }

    internal void AddRelationship(string externalId, int typeId, int startIndex, int endIndex, StoredProperties properties)
    {
        Storage.RelationshipExternalIds.TryAdd(externalId);
        AddRelationshipData(typeId, startIndex, endIndex, properties);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddRelationship(ReadOnlySpan<byte> externalId, int typeId, int startIndex, int endIndex, StoredProperties properties)
    {
        Storage.RelationshipExternalIds.TryAdd(externalId);
        AddRelationshipData(typeId, startIndex, endIndex, properties);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryGetNodeIndex(ReadOnlySpan<byte> externalId, out int index) =>
        Storage.NodeExternalIds.TryGetIndex(externalId, out index);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNodeData(int labelSetId, ReadOnlySpan<NodeProperty> properties)
    {
        var storage = Storage;
        storage.NodeLabelSets.Add(labelSetId);
        storage.NodeProperties.Add(properties);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRelationshipData(int typeId, int startIndex, int endIndex, StoredProperties properties)
    {
        var storage = Storage;
        storage.RelationshipTypeIds.Add(typeId);
        storage.RelationshipStarts.Add(startIndex);
        storage.RelationshipEnds.Add(endIndex);
        storage.RelationshipProperties.Add(properties);
    }

    private int NodeIndex(string externalId) =>
        Storage.NodeExternalIds.TryGetIndex(externalId, out var index)
            ? index
            : throw new KeyNotFoundException($"relationship refers to unknown node id \"{externalId}\"");

    private NodeProperty[] ToStored(IEnumerable<KeyValuePair<string, object?>>? properties)
    {
        if (properties is null)
        {
            return [];
        }

        var keys = Storage.PropertyKeys;
        return properties
            .Select(p => new NodeProperty(keys.Intern(p.Key), Share(PropertyValues.Normalize(p.Value))))
            .ToArray();
    }

    private object? Share(object? value) => value switch
    {
        string s => Values.GetString(s),
        long l => Values.Box(l),
        bool b => ValueCache.Box(b),
        _ => value,
    };
}
