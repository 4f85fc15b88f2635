namespace CloudPI.Graph;

/// <summary>
/// The value types a property may hold: null, bool, long, double, string, lists (<see cref="IReadOnlyList{T}"/> of
/// values) and maps (<see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to value, e.g. points).
/// </summary>
public static class PropertyValues
{
    /// <summary>Converts a caller's value to the stored representation, or throws for unsupported types.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or bool or long or double or string => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal d => (double)d,
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Normalize(e.Value), StringComparer.Ordinal),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(e => e.Key, e => Normalize(e.Value), StringComparer.Ordinal),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Normalize).ToArray(),
        _ => throw new ArgumentException($"unsupported property value type {value.GetType().Name}", nameof(value)),
    };
}
