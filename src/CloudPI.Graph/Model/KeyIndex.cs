using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CloudPI.Graph;

/// <summary>
/// Maps the string values of Cartography's <c>id</c> and <c>arn</c> properties to the nodes carrying them, in one
/// table: the analyses look a resource up by "its id, else its ARN" for every issue and every role they follow, and a
/// table per property hashed and probed the same long ARN twice or four times. Many nodes (roles, policies, buckets)
/// carry the same text as id and ARN, which then takes one entry.
/// </summary>
internal sealed class KeyIndex(int capacity)
{
    private readonly Dictionary<string, Keyed> _first = new(capacity, StringComparer.Ordinal);

    // Rare: the same id on several nodes (e.g. a foreign account and a principal); kept apart to stay compact.
    private readonly Dictionary<(string Key, KeyKind Kind), List<int>> _more = [];

    public enum KeyKind
    {
        Id,
        Arn,
    }

    /// <summary>The first node carrying the text as its id and as its ARN (-1 for none), and whether more nodes do.</summary>
    public readonly record struct Keyed(int ById, int ByArn, bool Several);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string key, KeyKind kind, int node)
    {
        ref var keyed = ref CollectionsMarshal.GetValueRefOrAddDefault(_first, key, out var exists);
        if (!exists)
        {
            keyed = kind == KeyKind.Id ? new Keyed(node, -1, false) : new Keyed(-1, node, false);
            return;
        }

        var first = kind == KeyKind.Id ? keyed.ById : keyed.ByArn;
        if (first < 0)
        {
            keyed = kind == KeyKind.Id ? keyed with { ById = node } : keyed with { ByArn = node };
            return;
        }

        keyed = keyed with { Several = true };
        if (!_more.TryGetValue((key, kind), out var list))
        {
            _more.Add((key, kind), list = []);
        }

        list.Add(node);
    }

    /// <summary>One probe for both properties; false when no node carries the text as id or ARN.</summary>
    public bool TryGet(string key, out Keyed keyed) => _first.TryGetValue(key, out keyed);

    public bool TryGetFirst(string key, KeyKind kind, out int node)
    {
        node = _first.TryGetValue(key, out var keyed) ? (kind == KeyKind.Id ? keyed.ById : keyed.ByArn) : -1;
        return node >= 0;
    }

    /// <summary>Every node carrying the text as <paramref name="kind"/>, the first one first.</summary>
    public IEnumerable<int> All(string key, KeyKind kind)
    {
        if (!TryGetFirst(key, kind, out var first))
        {
            return [];
        }

        return _more.TryGetValue((key, kind), out var rest) ? rest.Prepend(first) : [first];
    }
}
