namespace CloudPI.Graph;

/// <summary>Read access to the properties of one node or relationship.</summary>
public readonly struct PropertyMap
{
    private readonly PropertyGraph _graph;
    private readonly PropertySlice _properties;

    internal PropertyMap(PropertyGraph graph, PropertySlice properties)
    {
        _graph = graph;
        _properties = properties;
    }

    public int Count => _properties.Count;

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public object? this[string key] => TryGetValue(key, out var value) ? value : null;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out object? value)
    {
        if (_graph.PropertyKeys.TryGetId(key, out var keyId) && _properties.KeySpan.IndexOf(keyId) is var at and >= 0)
        {
            // The keys in a row, searched at once; the one value wanted read alone.
            value = _properties.Values[_properties.Start + at];
            return true;
        }

        value = null;
        return false;
    }

    public string? GetString(string key) => this[key] as string;

    public long? GetLong(string key) => this[key] switch
    {
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => (long)d,
        // Some exports write numbers as strings (ports in rule ids, "-1"): accept them where a number is asked for.
        string s when long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public bool? GetBool(string key) => this[key] switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A list property as strings; a single string reads as a one-element list, absent as empty.</summary>
    public IReadOnlyList<string> GetStringList(string key) => this[key] switch
    {
        string s => [s],
        IReadOnlyList<object?> list => list.OfType<string>().ToArray(),
        _ => [],
    };

    /// <summary>All properties as key/value pairs, in stored order.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Entries
    {
        get
        {
            var (graph, properties) = (_graph, _properties);
            return Enumerable.Range(properties.Start, properties.Count)
                .Select(i => new KeyValuePair<string, object?>(graph.PropertyKeys[properties.Keys[i]], properties.Values[i]));
        }
    }
}
