using System.Globalization;

namespace CloudPI.Graph.Synthetic;

/// <summary>A property list for one synthetic node or relationship.</summary>
internal sealed class Props : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value)
    {
        // Cartography leaves unset fields out rather than writing nulls.
        if (value is not null)
        {
            Add(new KeyValuePair<string, object?>(key, value));
        }
    }
}

/// <summary>
/// Feeds a builder with Cartography-shaped records: sequential APOC ids, the run's <c>lastupdated</c>/<c>firstseen</c>
/// on every node and relationship, <c>RESOURCE</c> edges from the account, and deterministic AWS-style ids.
/// </summary>
internal sealed class SyntheticEmitter(int seed)
{
    public const long UpdateTag = 1_755_000_000;
    private const long FirstSeenMillis = 1_754_000_000_000;

    private readonly PropertyGraphBuilder _builder = new();
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private ulong _idCounter;
    private long _nextNode;
    private long _nextRelationship;

    /// <summary>The APOC id of the account node that owns resources (set once the account exists).</summary>
    public string? AccountNode { get; set; }

    /// <summary>Resource nodes emitted (not rules, ranges, routes' helpers, statements or tags).</summary>
    public int ResourceCount { get; private set; }

    /// <summary>A unique AWS-style id such as <c>i-0a1b…</c>: a bijective mix of a counter, so never repeated.</summary>
    public string NewAwsId(string prefix) => prefix + "-0" + Mix((ulong)seed << 40 ^ ++_idCounter).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>
    /// An id derived from <paramref name="key"/> alone (FNV-1a), drawing nothing from the id sequence: adding such
    /// nodes leaves every other id of an account unchanged.
    /// </summary>
    public string DerivedAwsId(string prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return prefix + "-0" + Mix(hash ^ (ulong)seed).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>A unique GUID-shaped id (KMS key ids).</summary>
    public string NewGuid()
    {
        var hex = NewAwsId("k")[3..] + Mix(_idCounter).ToString("x16", CultureInfo.InvariantCulture);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary>A deterministic number derived from the seed and <paramref name="salt"/>.</summary>
    public ulong Number(ulong salt) => Mix((ulong)(uint)seed * 0x100000001UL ^ salt);

    public string Node(string[] labels, Props properties, bool resource = true, bool owned = true)
    {
        var id = (_nextNode++).ToString(CultureInfo.InvariantCulture);
        properties.Add("lastupdated", UpdateTag);
        properties.Add("firstseen", FirstSeenMillis);
        _builder.AddNode(id, labels, properties);
        if (resource)
        {
            ResourceCount++;
        }

        if (owned && AccountNode is not null)
        {
            Link(AccountNode, "RESOURCE", id);
        }

        return id;
    }

    /// <summary>A node shared by key (one <c>AWSIpRange</c> per CIDR, one <c>AWSTag</c> per key:value, …).</summary>
    public string SharedNode(string key, string[] labels, Func<Props> properties) =>
        _shared.TryGetValue(key, out var id)
            ? id
            : _shared[key] = Node(labels, properties(), resource: false, owned: false);

    public bool HasSharedNode(string key) => _shared.ContainsKey(key);

    public void Link(string from, string type, string to, Props? properties = null)
    {
        properties ??= [];
        properties.Add("lastupdated", UpdateTag);
        properties.Add("firstseen", FirstSeenMillis);
        _builder.AddRelationship((_nextRelationship++).ToString(CultureInfo.InvariantCulture), type, from, to, properties);
    }

    public string Tag(string resource, string key, string value)
    {
        var tag = SharedNode("tag:" + key + ":" + value, SyntheticLabels.Tag, () => new Props
        {
            { "id", key + ":" + value },
            { "key", key },
            { "value", value },
        });
        Link(resource, "TAGGED", tag);
        return tag;
    }

    public PropertyGraph Build() => _builder.Build();

    /// <summary>SplitMix64 finaliser: a bijection on 64-bit values with good diffusion.</summary>
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
