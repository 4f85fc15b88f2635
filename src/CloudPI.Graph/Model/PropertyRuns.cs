namespace CloudPI.Graph;

/// <summary>
/// The properties of all nodes in one growable array, each node owning a run of it: no array object per node,
/// so loading leaves the GC almost nothing to trace or copy.
/// </summary>
internal sealed class PropertyRuns
{
    private readonly List<int> _starts = [];
    private NodeProperty[] _items = new NodeProperty[1024];
    private int _count;

    /// <summary>Appends the next node's properties.</summary>
    public void Add(ReadOnlySpan<NodeProperty> properties)
    {
        if (_count + properties.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, _count + properties.Length));
        }

        properties.CopyTo(_items.AsSpan(_count));
        _starts.Add(_count);
        _count += properties.Length;
    }

    public ArraySegment<NodeProperty> this[int node]
    {
        get
        {
            var start = _starts[node];
            var end = node + 1 < _starts.Count ? _starts[node + 1] : _count;
            return new ArraySegment<NodeProperty>(_items, start, end - start);
        }
    }

    public void TrimExcess()
    {
        Array.Resize(ref _items, _count);
        _starts.TrimExcess();
    }
}
