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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Adjacency(int nodeCount, ReadOnlySpan<int> endpointOfRelationship, ReadOnlySpan<int> typeOfRelationship)
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

        // Each node's list sorted by (type, relationship index): within a type, the order of the plain list.
        _byType = (int[])_relationships.Clone();
        _typeOfByType = new int[_byType.Length];
        for (var i = 0; i < _byType.Length; i++)
        {
            _typeOfByType[i] = typeOfRelationship[_byType[i]];
        }

        for (var node = 0; node < nodeCount; node++)
        {
            var start = _offsets[node];
            var length = _offsets[node + 1] - start;
            if (length > 1 && !IsSorted(_typeOfByType.AsSpan(start, length)))
            {
                // Stable: the relationship indices ascend within the segment, so sorting (type, index) pairs keeps that order per type.
                var keys = new long[length];
                for (var i = 0; i < length; i++)
                {
                    keys[i] = ((long)_typeOfByType[start + i] << 32) | (uint)_byType[start + i];
                }

                Array.Sort(keys);
                for (var i = 0; i < length; i++)
                {
                    _typeOfByType[start + i] = (int)(keys[i] >> 32);
                    _byType[start + i] = (int)keys[i];
                }
            }
        }
    }

    public ReadOnlyMemory<int> Of(int node) => _relationships.AsMemory(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The node's relationships of one type, in the order of <see cref="Of"/>.</summary>
    public ReadOnlyMemory<int> OfType(int node, int typeId)
    {
        var start = _offsets[node];
        var types = _typeOfByType.AsSpan(start, _offsets[node + 1] - start);
        var first = LowerBound(types, typeId);
        var end = first;
        while (end < types.Length && types[end] == typeId)
        {
            end++;
        }

        return _byType.AsMemory(start + first, end - first);
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

    private static bool IsSorted(ReadOnlySpan<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
