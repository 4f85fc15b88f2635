using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// Compressed adjacency (CSR): the relationship indices of each node, in one array plus offsets; and the same lists
/// ordered by relationship type, so asking a subnet with thousands of members for its one route-table edge reads
/// that edge, not the members.
/// </summary>
internal sealed class Adjacency
{
    private readonly int[] _offsets;
    private readonly int[] _relationships;
    private readonly int[] _byType;
    private readonly int[] _typeOfByType;

    // The node at the other end of each relationship of _byType: asking for a node's neighbours of a type reads them
    // in a row, instead of looking each relationship's end up in the graph's relationship columns at random.
    private readonly int[] _otherByType;

    /// <param name="otherEndOfRelationship">The relationship's other end: its end node for a node's outgoing relationships.</param>
    /// <param name="relationshipsByType">Every relationship once, grouped by type in ascending type id, each group in
    /// ascending relationship index (the graph's index by type).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Adjacency(int nodeCount, ReadOnlySpan<int> endpointOfRelationship, ReadOnlySpan<int> otherEndOfRelationship, int[][] relationshipsByType)
    {
        _offsets = new int[nodeCount + 1];
        foreach (var node in endpointOfRelationship)
        {
            _offsets[node + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            _offsets[i + 1] += _offsets[i];
        }

        _relationships = new int[endpointOfRelationship.Length];
        var next = _offsets[..^1];
        for (var rel = 0; rel < endpointOfRelationship.Length; rel++)
        {
            _relationships[next[endpointOfRelationship[rel]]++] = rel;
        }

        // Each node's list by (type, relationship index), without a sort: the relationships dealt to their nodes in
        // that order land in it (a counting sort on the type).
        _byType = new int[endpointOfRelationship.Length];
        _typeOfByType = new int[_byType.Length];
        _otherByType = new int[_byType.Length];
        _offsets.AsSpan(0, nodeCount).CopyTo(next);
        for (var type = 0; type < relationshipsByType.Length; type++)
        {
            foreach (var rel in relationshipsByType[type])
            {
                var at = next[endpointOfRelationship[rel]]++;
                _byType[at] = rel;
                _typeOfByType[at] = type;
                _otherByType[at] = otherEndOfRelationship[rel];
            }
        }
    }

    public ReadOnlyMemory<int> Of(int node) => _relationships.AsMemory(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The node's relationships of one type, in the order of <see cref="Of"/>.</summary>
    public ReadOnlyMemory<int> OfType(int node, int typeId)
    {
        var (start, length) = RangeOfType(node, typeId);
        return _byType.AsMemory(start, length);
    }

    /// <summary>The nodes at the other end of <see cref="OfType"/>'s relationships, in the same order.</summary>
    public ReadOnlyMemory<int> NeighborsOfType(int node, int typeId)
    {
        var (start, length) = RangeOfType(node, typeId);
        return _otherByType.AsMemory(start, length);
    }

    private (int Start, int Length) RangeOfType(int node, int typeId)
    {
        var start = _offsets[node];
        var types = _typeOfByType.AsSpan(start, _offsets[node + 1] - start);
        var first = LowerBound(types, typeId);
        var end = first;
        while (end < types.Length && types[end] == typeId)
        {
            end++;
        }

        return (start + first, end - first);
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
