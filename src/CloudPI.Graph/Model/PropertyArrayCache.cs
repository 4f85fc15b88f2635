using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// Shares identical small property sets (typically a relationship's <c>lastupdated</c>/<c>firstseen</c>, whose
/// values the <see cref="ValueCache"/> already shares), so most relationships cost no arrays of their own.
/// </summary>
internal sealed class PropertyArrayCache
{
    private const int MaxShared = 4;
    private readonly StoredProperties?[] _slots = new StoredProperties?[1 << 12];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StoredProperties Share(ReadOnlySpan<NodeProperty> properties)
    {
        if (properties.IsEmpty)
        {
            return StoredProperties.None;
        }

        if (properties.Length > MaxShared)
        {
            return Stored(properties);
        }

        var hash = 0;
        foreach (var property in properties)
        {
            hash = HashCode.Combine(hash, property.KeyId, RuntimeHelpers.GetHashCode(property.Value));
        }

        ref var slot = ref _slots[hash & (_slots.Length - 1)];
        if (slot is not null && SameEntries(slot, properties))
        {
            return slot;
        }

        return slot = Stored(properties);
    }

    private static StoredProperties Stored(ReadOnlySpan<NodeProperty> properties)
    {
        var keys = new int[properties.Length];
        var values = new object?[properties.Length];
        NodeProperty.Split(properties, keys, values);
        return new StoredProperties(keys, values);
    }

    /// <summary>Same keys and the very same values (shared values compare by reference).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameEntries(StoredProperties cached, ReadOnlySpan<NodeProperty> properties)
    {
        if (cached.Keys.Length != properties.Length)
        {
            return false;
        }

        for (var i = 0; i < properties.Length; i++)
        {
            if (cached.Keys[i] != properties[i].KeyId || !ReferenceEquals(cached.Values[i], properties[i].Value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One relationship's properties (shared by the relationships that have the same).</summary>
internal sealed class StoredProperties(int[] keys, object?[] values)
{
    public static StoredProperties None { get; } = new([], []);

    public int[] Keys { get; } = keys;

    public object?[] Values { get; } = values;

    public PropertySlice Slice => new(Keys, Values, 0, Keys.Length);
}
