using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>Maps a string property value (Cartography <c>id</c> or <c>arn</c>) to the nodes carrying it.</summary>
internal sealed class KeyIndex(int capacity)
{
    private readonly Dictionary<string, int> _first = new(capacity, StringComparer.Ordinal);

    // Rare: the same id on several nodes (e.g. a foreign account and a principal); kept apart to stay compact.
    private readonly Dictionary<string, List<int>> _more = new(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string key, int node)
    {
        if (_first.TryAdd(key, node))
        {
            return;
        }

        if (!_more.TryGetValue(key, out var list))
        {
            _more.Add(key, list = []);
        }

        list.Add(node);
    }

    public bool TryGetFirst(string key, out int node) => _first.TryGetValue(key, out node);

    /// <summary>True when several nodes carry the key (rare).</summary>
    public bool HasSeveral(string key) => _more.Count > 0 && _more.ContainsKey(key);

    public IEnumerable<int> All(string key)
    {
        if (!_first.TryGetValue(key, out var first))
        {
            return [];
        }

        return _more.TryGetValue(key, out var rest) ? rest.Prepend(first) : [first];
    }
}
