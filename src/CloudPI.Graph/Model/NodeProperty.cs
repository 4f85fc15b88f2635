namespace CloudPI.Graph;

/// <summary>One stored property: an interned key and a normalised value (see <see cref="PropertyValues"/>).</summary>
internal readonly record struct NodeProperty(int KeyId, object? Value);
