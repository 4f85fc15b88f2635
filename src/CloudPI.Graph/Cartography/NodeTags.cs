using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CloudPI.Graph.Cartography;

/// <summary>
/// A node's tags, key → value, in the order they are tagged (a key tagged twice keeps its first value). A resource has
/// a handful and the analyses scan them (criticality rules compare keys ignoring case), for every finding and every
/// data store: two arrays, not a hashed dictionary built each time.
/// </summary>
public sealed class NodeTags : IReadOnlyDictionary<string, string>
{
    private readonly string[] _keys;
    private readonly string[] _values;

    private NodeTags(string[] keys, string[] values, int count)
    {
        _keys = keys;
        _values = values;
        Count = count;
    }

    /// <summary>No tags: one shared map, as most resources have none.</summary>
    public static NodeTags None { get; } = new([], [], 0);

    /// <summary>The tags attached to <paramref name="node"/> with <c>TAGGED</c>.</summary>
    public static NodeTags Of(GraphNode node)
    {
        var tagged = node.Neighbors("TAGGED", Direction.Outgoing);
        if (tagged.IsEmpty)
        {
            return None;
        }

        string[]? keys = null;
        string[]? values = null;
        var count = 0;
        foreach (var tag in new RelatedNodes<Tag>(tagged))
        {
            if (tag.Key is not { } key || Array.IndexOf(keys ?? [], key, 0, count) >= 0)
            {
                continue;
            }

            keys ??= new string[tagged.MaxCount];
            values ??= new string[tagged.MaxCount];
            keys[count] = key;
            values[count++] = tag.Value ?? string.Empty;
        }

        return count == 0 ? None : new NodeTags(keys!, values!, count);
    }

    public int Count { get; }

    public string KeyAt(int index) => _keys[CheckedIndex(index)];

    public string ValueAt(int index) => _values[CheckedIndex(index)];

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no tag {key}");

    public IEnumerable<string> Keys => _keys.Take(Count);

    public IEnumerable<string> Values => _values.Take(Count);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = Array.IndexOf(_keys, key, 0, Count);
        value = at >= 0 ? _values[at] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int CheckedIndex(int index) => (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index));
}
