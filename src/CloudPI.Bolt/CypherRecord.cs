namespace CloudPI.Bolt;

/// <summary>
/// One result row: field names in RETURN order and their values. Values are null, bool, long, double, string,
/// byte[], IReadOnlyList&lt;object?&gt;, IReadOnlyDictionary&lt;string, object?&gt;, or a Bolt value type
/// (BoltNode, BoltRelationship, BoltPath, temporal, point; unknown structures as PackStreamStructure).
/// </summary>
public sealed class CypherRecord
{
    public CypherRecord(IReadOnlyList<string> keys, IReadOnlyList<object?> values)
    {
        if (keys.Count != values.Count)
        {
            throw new BoltProtocolException($"A record has {values.Count} values for {keys.Count} fields.");
        }

        Keys = keys;
        Values = values;
    }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<object?> Values { get; }

    public object? this[int index] => Values[index];

    public object? this[string key]
    {
        get
        {
            for (var i = 0; i < Keys.Count; i++)
            {
                if (Keys[i] == key)
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"The record has no field '{key}' (fields: {string.Join(", ", Keys)}).");
        }
    }
}
