namespace CloudPI.Graph;

/// <summary>One stored property: an interned key and a normalised value (see <see cref="PropertyValues"/>).</summary>
internal readonly record struct NodeProperty(int KeyId, object? Value)
{
    /// <summary>Stores <paramref name="properties"/> as the graph keeps them: keys and values apart, in the same order.</summary>
    public static void Split(ReadOnlySpan<NodeProperty> properties, Span<int> keys, Span<object?> values)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            keys[i] = properties[i].KeyId;
            values[i] = properties[i].Value;
        }
    }
}
