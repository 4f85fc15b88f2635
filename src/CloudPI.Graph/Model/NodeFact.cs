using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// A yes/no fact about a node that only the graph decides (a security group open to 0.0.0.0/0, say), remembered per
/// node of each graph it is asked about: a rule that consults it for thousands of resources sharing a few nodes decides
/// each once. Safe to share between threads; two threads racing on one node both compute it, so it must be pure.
/// </summary>
public sealed class NodeFact(Func<GraphNode, bool> compute)
{
    // 0 not yet known, 1 true, 2 false; one array per graph, gone with the graph.
    private readonly ConditionalWeakTable<PropertyGraph, byte[]> _facts = [];

    public bool Of(GraphNode node)
    {
        var facts = _facts.GetValue(node.Graph, static graph => new byte[graph.NodeCount]);
        var known = Volatile.Read(ref facts[node.Index]);
        if (known != 0)
        {
            return known == 1;
        }

        var value = compute(node);
        Volatile.Write(ref facts[node.Index], value ? (byte)1 : (byte)2);
        return value;
    }
}
