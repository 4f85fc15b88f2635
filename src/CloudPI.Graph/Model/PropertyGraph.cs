using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// An immutable in-memory property graph: labelled nodes and typed, directed relationships, both with properties.
/// Names are interned, nodes share label sets, repeated values are shared, adjacency is CSR, so 100,000+
/// resource accounts fit in a few hundred megabytes. Build one with <see cref="PropertyGraphBuilder"/>.
/// </summary>
public sealed class PropertyGraph
{
    private readonly GraphStorage _storage;
    private readonly Adjacency _outgoing;
    private readonly Adjacency _incoming;
    private readonly KeyIndex _byIdOrArn;

    // The frozen columns the analyses read in their inner loops (a node's label set, a relationship's ends and type),
    // kept as the arrays they are.
    private readonly int[] _nodeLabelSets;
    private readonly int[] _relationshipStarts;
    private readonly int[] _relationshipEnds;
    private readonly int[] _relationshipTypeIds;

    // Each node's id, as the index pass reads it: the analyses name a node by its id at every step of every path,
    // and finding the property among a node's dozens took a lookup and a scan each time.
    private readonly string?[] _ids;
    private readonly int[][] _nodesByLabel;
    private readonly int[][] _relationshipsByType;

    // Facts that depend on a node's labels only, per label set and slot: 0 not yet known, 1 true, 2 false.
    private readonly byte[]?[] _labelFacts;

    internal PropertyGraph(GraphStorage storage)
    {
        _storage = storage;
        // Room for an id and an ARN per node: a table that grew while indexing left large arrays behind, and collecting
        // them started a full collection during the analysis (100k resources: +30 ms of pauses).
        _byIdOrArn = new KeyIndex(2 * NodeCount);
        _ids = new string?[NodeCount];
        var indexing = IndexIdsAndArnsAside();
        _nodeLabelSets = storage.NodeLabelSets.Frozen;
        _relationshipStarts = storage.RelationshipStarts.Frozen;
        _relationshipEnds = storage.RelationshipEnds.Frozen;
        _relationshipTypeIds = storage.RelationshipTypeIds.Frozen;
        var singleTypes = Enumerable.Range(0, storage.RelationshipTypes.Count).Select(type => new[] { type }).ToArray();
        _relationshipsByType = GroupBy(storage.RelationshipTypes.Count, storage.RelationshipTypeIds.AsSpan(), singleTypes);
        _outgoing = new Adjacency(NodeCount, storage.RelationshipStarts.AsSpan(), storage.RelationshipEnds.AsSpan(), _relationshipsByType);
        _incoming = new Adjacency(NodeCount, storage.RelationshipEnds.AsSpan(), storage.RelationshipStarts.AsSpan(), _relationshipsByType);
        var labelsOfSet = Enumerable.Range(0, storage.LabelSets.Count).Select(storage.LabelSets.LabelIds).ToArray();
        _nodesByLabel = GroupBy(storage.Labels.Count, storage.NodeLabelSets.AsSpan(), labelsOfSet);
        indexing.GetAwaiter().GetResult();
        _labelFacts = new byte[]?[storage.LabelSets.Count];
    }

    /// <summary>How many label facts are remembered per label set; a slot beyond is computed every time.</summary>
    internal const int LabelFactSlots = 128;

    public int NodeCount => _storage.NodeExternalIds.Count;

    public int RelationshipCount => _storage.RelationshipStarts.Count;

    public IEnumerable<GraphNode> Nodes => Enumerable.Range(0, NodeCount).Select(GetNode);

    public IEnumerable<GraphRelationship> Relationships => Enumerable.Range(0, RelationshipCount).Select(GetRelationship);

    /// <summary>Every label used by some node.</summary>
    public IEnumerable<string> LabelNames => Enumerable.Range(0, _storage.Labels.Count).Select(i => _storage.Labels[i]);

    /// <summary>Every relationship type used by some relationship.</summary>
    public IEnumerable<string> RelationshipTypeNames =>
        Enumerable.Range(0, _storage.RelationshipTypes.Count).Select(i => _storage.RelationshipTypes[i]);

    internal StringTable PropertyKeys => _storage.PropertyKeys;

    public GraphNode GetNode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, NodeCount);
        return new GraphNode(this, index);
    }

    public GraphRelationship GetRelationship(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RelationshipCount);
        return new GraphRelationship(this, index);
    }

    /// <summary>Finds a node by the exporter's internal id (APOC <c>id</c> / Neo4j element id).</summary>
    public bool TryGetNodeByExternalId(string externalId, out GraphNode node) =>
        TryNode(_storage.NodeExternalIds.TryGetIndex(externalId, out var index), index, out node);

    /// <summary>Finds a node by Cartography's <c>id</c> property (e.g. <c>i-0abc</c>, <c>sg-…</c>, an ARN).</summary>
    public bool TryFindById(string id, out GraphNode node) => TryNode(_byIdOrArn.TryGetFirst(id, KeyIndex.KeyKind.Id, out var index), index, out node);

    public bool TryFindByArn(string arn, out GraphNode node) => TryNode(_byIdOrArn.TryGetFirst(arn, KeyIndex.KeyKind.Arn, out var index), index, out node);

    /// <summary>Finds a node by its <c>id</c> property, else by its <c>arn</c> property.</summary>
    public bool TryFind(string idOrArn, out GraphNode node)
    {
        var found = _byIdOrArn.TryGet(idOrArn, out var keyed);
        return TryNode(found, keyed.ById >= 0 ? keyed.ById : keyed.ByArn, out node);
    }

    /// <summary>Every node whose <c>id</c> or <c>arn</c> equals <paramref name="idOrArn"/> (ids may repeat across labels),
    /// by id first, then by ARN, once each. The usual one or two are answered without a query: analyses ask this for the
    /// role ARNs of every finding's resource.</summary>
    public IReadOnlyList<GraphNode> FindAll(string idOrArn)
    {
        if (!_byIdOrArn.TryGet(idOrArn, out var keyed))
        {
            return [];
        }

        if (keyed.Several)
        {
            return [.. _byIdOrArn.All(idOrArn, KeyIndex.KeyKind.Id).Concat(_byIdOrArn.All(idOrArn, KeyIndex.KeyKind.Arn)).Distinct().Select(GetNode)];
        }

        var (id, arn) = (keyed.ById, keyed.ByArn);
        return (id >= 0, arn >= 0) switch
        {
            (true, true) when id != arn => [GetNode(id), GetNode(arn)],
            (true, _) => [GetNode(id)],
            _ => [GetNode(arn)],
        };
    }

    public IEnumerable<GraphNode> NodesWithLabel(string label) =>
        _storage.Labels.TryGetId(label, out var id) ? _nodesByLabel[id].Select(GetNode) : [];

    public int CountNodesWithLabel(string label) => _storage.Labels.TryGetId(label, out var id) ? _nodesByLabel[id].Length : 0;

    public IEnumerable<GraphRelationship> RelationshipsWithType(string type) =>
        _storage.RelationshipTypes.TryGetId(type, out var id) ? _relationshipsByType[id].Select(GetRelationship) : [];

    public int CountRelationshipsWithType(string type) =>
        _storage.RelationshipTypes.TryGetId(type, out var id) ? _relationshipsByType[id].Length : 0;

    internal string NodeExternalId(int node) => _storage.NodeExternalIds[node];

    internal string[] NodeLabels(int node) => _storage.LabelSets.LabelNames(_nodeLabelSets[node]);

    internal bool NodeHasLabel(int node, string label) =>
        _storage.Labels.TryGetId(label, out var id) && _storage.LabelSets.LabelIds(_nodeLabelSets[node]).Contains(id);

    /// <summary>
    /// A yes/no fact that depends on the node's labels only (such as "is a Cartography EC2 instance"), computed once
    /// per label set: nodes share a few dozen label sets, and kind tests sit in every hot loop. Races only recompute.
    /// </summary>
    internal bool LabelFact(int node, int slot, Func<GraphNode, bool> compute)
    {
        var set = _nodeLabelSets[node];
        var facts = _labelFacts[set] ??= new byte[LabelFactSlots];
        if ((uint)slot >= (uint)facts.Length)
        {
            return compute(new GraphNode(this, node));
        }

        var known = Volatile.Read(ref facts[slot]);
        if (known != 0)
        {
            return known == 1;
        }

        var value = compute(new GraphNode(this, node));
        Volatile.Write(ref facts[slot], value ? (byte)1 : (byte)2);
        return value;
    }

    internal PropertyMap NodeProperties(int node) => new(this, _storage.NodeProperties[node]);

    /// <summary>The node's <c>id</c> property when it is a string (as <c>Properties.GetString("id")</c> reads it), else null.</summary>
    internal string? NodeId(int node) => _ids[node];

    internal string RelationshipExternalId(int rel) => _storage.RelationshipExternalIds[rel];

    internal string RelationshipType(int rel) => _storage.RelationshipTypes[_relationshipTypeIds[rel]];

    internal int RelationshipStart(int rel) => _relationshipStarts[rel];

    internal int RelationshipEnd(int rel) => _relationshipEnds[rel];

    internal PropertyMap RelationshipProperties(int rel) => new(this, _storage.RelationshipProperties[rel].Slice);

    internal IEnumerable<GraphRelationship> RelationshipsOf(int node, Direction direction, string? type)
    {
        var typeId = -1;
        if (type is not null && !_storage.RelationshipTypes.TryGetId(type, out typeId))
        {
            return [];
        }

        var outgoingAt = direction is Direction.Outgoing or Direction.Both ? (typeId < 0 ? _outgoing.Of(node) : _outgoing.OfType(node, typeId)) : ReadOnlyMemory<int>.Empty;
        var incomingAt = direction is Direction.Incoming or Direction.Both ? (typeId < 0 ? _incoming.Of(node) : _incoming.OfType(node, typeId)) : ReadOnlyMemory<int>.Empty;
        if (outgoingAt.IsEmpty && incomingAt.IsEmpty)
        {
            return []; // the usual answer (no balancer EXPOSEs this node): no iterators
        }

        var outgoing = RelationshipsAt(outgoingAt);
        // A self-loop is listed once, as outgoing.
        var incoming = direction == Direction.Incoming ? RelationshipsAt(incomingAt) : NotStartingAt(RelationshipsAt(incomingAt), node);
        return outgoingAt.IsEmpty ? incoming : incomingAt.IsEmpty ? outgoing : outgoing.Concat(incoming);
    }

    /// <summary>A method of its own: a lambda over the node in <see cref="RelationshipsOf"/> would allocate its closure
    /// on every call, the usual empty answer included.</summary>
    private static IEnumerable<GraphRelationship> NotStartingAt(IEnumerable<GraphRelationship> relationships, int node) =>
        relationships.Where(r => r.StartIndex != node);

    /// <summary>The nodes at the other end of <paramref name="node"/>'s relationships of <paramref name="type"/>.</summary>
    internal NodeNeighbors NeighborsOf(int node, Direction direction, string type)
    {
        if (!_storage.RelationshipTypes.TryGetId(type, out var typeId))
        {
            return default;
        }

        var outgoing = direction is Direction.Outgoing or Direction.Both ? _outgoing.NeighborsOfType(node, typeId) : ReadOnlyMemory<int>.Empty;
        var incoming = direction is Direction.Incoming or Direction.Both ? _incoming.NeighborsOfType(node, typeId) : ReadOnlyMemory<int>.Empty;
        return new NodeNeighbors(this, node, direction, outgoing, incoming);
    }

    private IEnumerable<GraphRelationship> RelationshipsAt(ReadOnlyMemory<int> relationships)
    {
        for (var i = 0; i < relationships.Length; i++)
        {
            yield return new GraphRelationship(this, relationships.Span[i]);
        }
    }

    private bool TryNode(bool found, int index, out GraphNode node)
    {
        node = found ? new GraphNode(this, index) : default;
        return found;
    }

    /// <summary>
    /// Indexes the ids and ARNs on another core where there is one, while the caller builds the adjacency: each takes
    /// about as long (~45 ms at 100k resources) and reads nothing the other writes. A small graph is indexed in turn.
    /// </summary>
    private Task IndexIdsAndArnsAside()
    {
        if (NodeCount < 20_000 || Environment.ProcessorCount < 2)
        {
            IndexIdsAndArns();
            return Task.CompletedTask;
        }

        return Task.Run(IndexIdsAndArns);
    }

    /// <summary>Indexes the <c>id</c> and <c>arn</c> properties in one pass over the nodes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void IndexIdsAndArns()
    {
        var idKey = _storage.PropertyKeys.TryGetId("id", out var id) ? id : -1;
        var arnKey = _storage.PropertyKeys.TryGetId("arn", out var arn) ? arn : -1;
        for (var node = 0; node < NodeCount; node++)
        {
            var idRead = false;
            // The key first: testing every value's type read each value object, most of them for nothing.
            var properties = _storage.NodeProperties[node];
            var keys = properties.KeySpan;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == idKey)
                {
                    var idValue = properties.Values[properties.Start + i];
                    if (!idRead)
                    {
                        // The first id property, as a property look-up finds it.
                        idRead = true;
                        _ids[node] = idValue as string;
                    }

                    if (idValue is string value)
                    {
                        _byIdOrArn.Add(value, KeyIndex.KeyKind.Id, node);
                    }
                }
                else if (keys[i] == arnKey && properties.Values[properties.Start + i] is string value)
                {
                    _byIdOrArn.Add(value, KeyIndex.KeyKind.Arn, node);
                }
            }
        }
    }

    /// <summary>
    /// Groups item indices by the groups each belongs to: an item has a key (a node's label set, a relationship's
    /// type) and each key stands for some groups (the set's labels, the type itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[][] GroupBy(int groupCount, ReadOnlySpan<int> keyOfItem, int[][] groupsOfKey)
    {
        var counts = new int[groupCount];
        foreach (var key in keyOfItem)
        {
            foreach (var group in groupsOfKey[key])
            {
                counts[group]++;
            }
        }

        var groups = counts.Select(c => new int[c]).ToArray();
        Array.Clear(counts);
        for (var item = 0; item < keyOfItem.Length; item++)
        {
            foreach (var group in groupsOfKey[keyOfItem[item]])
            {
                groups[group][counts[group]++] = item;
            }
        }

        return groups;
    }
}
