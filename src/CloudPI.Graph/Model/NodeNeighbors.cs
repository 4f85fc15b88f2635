using System.Collections;

namespace CloudPI.Graph;

/// <summary>
/// The nodes at the other end of one node's relationships of one type, in the graph's order (outgoing first; a
/// self-loop once, as outgoing). A view over the adjacency: <c>foreach</c> and spreads allocate nothing, which
/// matters because analyses ask this in every hot loop; query operators see an ordinary sequence.
/// </summary>
public readonly struct NodeNeighbors : IEnumerable<GraphNode>
{
    private readonly PropertyGraph? _graph;
    private readonly int _node;
    private readonly bool _skipIncomingSelfLoops;
    private readonly ReadOnlyMemory<int> _outgoing;
    private readonly ReadOnlyMemory<int> _incoming;

    /// <param name="outgoing">The end nodes of the node's outgoing relationships of the type.</param>
    /// <param name="incoming">The start nodes of its incoming ones.</param>
    internal NodeNeighbors(PropertyGraph graph, int node, Direction direction, ReadOnlyMemory<int> outgoing, ReadOnlyMemory<int> incoming)
    {
        _graph = graph;
        _node = node;
        _skipIncomingSelfLoops = direction == Direction.Both;
        _outgoing = outgoing;
        _incoming = incoming;
    }

    /// <summary>True when there is surely no neighbour (no relationship of the type at all).</summary>
    public bool IsEmpty => _outgoing.IsEmpty && _incoming.IsEmpty;

    /// <summary>How many neighbours there can be: the relationships of the type (self-loops and other kinds may be fewer).</summary>
    public int MaxCount => _outgoing.Length + _incoming.Length;

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<GraphNode> IEnumerable<GraphNode>.GetEnumerator() =>
        IsEmpty ? ((IEnumerable<GraphNode>)[]).GetEnumerator() : GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<GraphNode>)this).GetEnumerator();

    public struct Enumerator : IEnumerator<GraphNode>
    {
        private readonly NodeNeighbors _neighbors;
        private int _at;

        internal Enumerator(NodeNeighbors neighbors)
        {
            _neighbors = neighbors;
            _at = 0;
            Current = default;
        }

        public GraphNode Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            var outgoing = _neighbors._outgoing.Span;
            if (_at < outgoing.Length)
            {
                Current = new GraphNode(_neighbors._graph!, outgoing[_at++]);
                return true;
            }

            var incoming = _neighbors._incoming.Span;
            while (_at - outgoing.Length < incoming.Length)
            {
                var start = incoming[_at++ - outgoing.Length];
                if (!_neighbors._skipIncomingSelfLoops || start != _neighbors._node)
                {
                    Current = new GraphNode(_neighbors._graph!, start);
                    return true;
                }
            }

            return false;
        }

        public void Reset()
        {
            _at = 0;
            Current = default;
        }

        public readonly void Dispose()
        {
        }
    }
}
