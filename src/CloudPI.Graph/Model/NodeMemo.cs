namespace CloudPI.Graph;

/// <summary>
/// A value computed once per node of one graph, kept in an array by node index: lock-free reads and writes where a
/// concurrent dictionary would serialise the threads enriching thousands of issues on its few locks. Safe to share
/// between threads; two threads racing on one node both compute it and the first stored value wins, so the
/// computation must be pure.
/// </summary>
public sealed class NodeMemo<T>
    where T : class
{
    private T?[]? _values;

    public T GetOrAdd(GraphNode node, Func<GraphNode, T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var values = Volatile.Read(ref _values);
        if (values is null)
        {
            Interlocked.CompareExchange(ref _values, new T?[node.Graph.NodeCount], null);
            values = Volatile.Read(ref _values)!;
        }

        if (values.Length != node.Graph.NodeCount)
        {
            throw new ArgumentException("a node memo serves the nodes of one graph", nameof(node));
        }

        return Volatile.Read(ref values[node.Index]) ?? Interlocked.CompareExchange(ref values[node.Index], compute(node), null) ?? values[node.Index]!;
    }
}
