using CloudPI.Graph;

namespace CloudPI.PlannedExposure;

/// <summary>
/// A mutable copy of a property graph: nodes keyed by the exporter's id (live nodes keep theirs, so a planned node
/// is matched with its live self), found by Cartography's <c>id</c>, then frozen into a new <see cref="PropertyGraph"/>.
/// </summary>
internal sealed class EditableGraph
{
    private sealed record Node(HashSet<string> Labels, Dictionary<string, object?> Properties);

    private sealed record Edge(string Type, string Start, string End, Dictionary<string, object?> Properties);

    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly List<Edge> _edges = [];

    // Cartography ids and ARNs to node keys, so lookups stay cheap on a large account.
    private readonly Dictionary<string, List<string>> _byIdOrArn = new(StringComparer.Ordinal);
    private int _created;

    public static EditableGraph CopyOf(PropertyGraph graph)
    {
        var copy = new EditableGraph();
        foreach (var node in graph.Nodes)
        {
            copy._nodes[node.ExternalId] = new([.. node.Labels], node.Properties.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
            copy.Index(node.ExternalId, node.Id);
            copy.Index(node.ExternalId, node.Arn);
        }

        foreach (var rel in graph.Relationships)
        {
            copy._edges.Add(new(rel.Type, rel.Start.ExternalId, rel.End.ExternalId, rel.Properties.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)));
        }

        return copy;
    }

    /// <summary>The node with Cartography id (or ARN) <paramref name="idOrArn"/> carrying <paramref name="label"/>, if any.</summary>
    public string? Find(string idOrArn, string label) =>
        _byIdOrArn.TryGetValue(idOrArn, out var keys) ? keys.FirstOrDefault(k => _nodes[k].Labels.Contains(label)) : null;

    /// <summary>The first node carrying <paramref name="label"/> whose <paramref name="property"/> is <paramref name="value"/> (names and identifiers Pulumi refers to).</summary>
    public string? FindBy(string label, string property, string value) =>
        _nodes.Where(n => n.Value.Labels.Contains(label) && Equals(n.Value.Properties.GetValueOrDefault(property), value)).Select(n => n.Key).FirstOrDefault();

    public bool IdExists(string id) => _byIdOrArn.TryGetValue(id, out var keys) && keys.Count > 0;

    /// <summary>The Cartography id of a node.</summary>
    public string IdOf(string key) => _nodes[key].Properties.GetValueOrDefault("id") as string ?? key;

    /// <summary>Creates the node or, when it exists, adds the labels and overwrites the given properties.</summary>
    public string Upsert(string id, IReadOnlyList<string> labels, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var key = Find(id, labels[0]);
        if (key is null)
        {
            key = $"planned:{++_created}";
            _nodes[key] = new([], new(StringComparer.Ordinal) { ["id"] = id });
            Index(key, id);
        }

        var node = _nodes[key];
        node.Labels.UnionWith(labels);
        foreach (var (name, value) in properties)
        {
            if (value is null)
            {
                node.Properties.Remove(name);
            }
            else
            {
                node.Properties[name] = value;
                if (name == "arn")
                {
                    Index(key, value as string);
                }
            }
        }

        return key;
    }

    public void Remove(string key)
    {
        foreach (var keys in _byIdOrArn.Values)
        {
            keys.Remove(key);
        }

        _nodes.Remove(key);
        _edges.RemoveAll(e => e.Start == key || e.End == key);
    }

    public object? Property(string key, string name) => _nodes[key].Properties.GetValueOrDefault(name);

    /// <summary>Adds the relationship unless the same one exists.</summary>
    public void Link(string type, string start, string end, IReadOnlyDictionary<string, object?>? properties = null)
    {
        if (!_edges.Any(e => e.Type == type && e.Start == start && e.End == end && SameProperties(e.Properties, properties)))
        {
            _edges.Add(new(type, start, end, properties?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new(StringComparer.Ordinal)));
        }
    }

    /// <summary>Removes <paramref name="start"/>'s outgoing relationships of <paramref name="type"/> (to <paramref name="end"/> only, when given).</summary>
    public void Unlink(string type, string start, string? end = null) =>
        _edges.RemoveAll(e => e.Type == type && e.Start == start && (end is null || e.End == end));

    /// <summary>Removes the relationships of <paramref name="type"/> into <paramref name="end"/> that <paramref name="match"/> accepts.</summary>
    public void UnlinkInto(string type, string end, Func<string, IReadOnlyDictionary<string, object?>, bool> match) =>
        _edges.RemoveAll(e => e.Type == type && e.End == end && match(e.Start, e.Properties));

    /// <summary>Nodes with a relationship of <paramref name="type"/> into <paramref name="end"/>.</summary>
    public IReadOnlyList<string> Into(string type, string end) => [.. _edges.Where(e => e.Type == type && e.End == end).Select(e => e.Start)];

    public IReadOnlyList<string> OutOf(string type, string start) => [.. _edges.Where(e => e.Type == type && e.Start == start).Select(e => e.End)];

    public bool HasLabel(string key, string label) => _nodes[key].Labels.Contains(label);

    public PropertyGraph Build()
    {
        var builder = new PropertyGraphBuilder();
        foreach (var (key, node) in _nodes)
        {
            builder.AddNode(key, node.Labels.Order(StringComparer.Ordinal), node.Properties);
        }

        var index = 0;
        foreach (var edge in _edges)
        {
            builder.AddRelationship($"planned-rel:{index++}", edge.Type, edge.Start, edge.End, edge.Properties);
        }

        return builder.Build();
    }

    private void Index(string key, string? idOrArn)
    {
        if (idOrArn is null)
        {
            return;
        }

        if (!_byIdOrArn.TryGetValue(idOrArn, out var keys))
        {
            _byIdOrArn[idOrArn] = keys = [];
        }

        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    private static bool SameProperties(Dictionary<string, object?> existing, IReadOnlyDictionary<string, object?>? wanted) =>
        existing.Count == (wanted?.Count ?? 0) && (wanted is null || wanted.All(w => Equals(existing.GetValueOrDefault(w.Key), w.Value)));
}
