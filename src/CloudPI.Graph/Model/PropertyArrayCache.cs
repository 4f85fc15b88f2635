using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>
/// Shares identical small property arrays (typically a relationship's <c>lastupdated</c>/<c>firstseen</c>, whose
/// values the <see cref="ValueCache"/> already shares), so most relationships cost no array of their own.
/// </summary>
internal sealed class PropertyArrayCache
{
    private const int MaxShared = 4;
    private readonly NodeProperty[]?[] _slots = new NodeProperty[]?[1 << 12];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NodeProperty[] Share(ReadOnlySpan<NodeProperty> properties)
    {
        if (properties.IsEmpty)
        {
            return [];
        }

        if (properties.Length > MaxShared)
        {
            return properties.ToArray();
        }

        var hash = 0;
        foreach (var property in properties)
        {
            hash = HashCode.Combine(hash, property.KeyId, RuntimeHelpers.GetHashCode(property.Value));
        }

        var slot = hash & (_slots.Length - 1);
        var cached = _slots[slot];
        if (cached is not null && SameEntries(cached, properties))
        {
            return cached;
        }

        return _slots[slot] = properties.ToArray();
    }

    /// <summary>Same keys and the very same values (shared values compare by reference).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameEntries(NodeProperty[] cached, ReadOnlySpan<NodeProperty> properties)
    {
        if (cached.Length != properties.Length)
        {
            return false;
        }

        for (var i = 0; i < cached.Length; i++)
        {
            if (cached[i].KeyId != properties[i].KeyId || !ReferenceEquals(cached[i].Value, properties[i].Value))
            {
                return false;
            }
        }

        return true;
    }
}
