using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>Compressed adjacency (CSR): the relationship indices of each node, in one array plus offsets.</summary>
internal sealed class Adjacency
{
    private readonly int[] _offsets;
    private readonly int[] _relationships;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Adjacency(int nodeCount, ReadOnlySpan<int> endpointOfRelationship)
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
    }

    public ReadOnlyMemory<int> Of(int node) => _relationships.AsMemory(_offsets[node], _offsets[node + 1] - _offsets[node]);
}
