namespace CloudPI.Bolt.PackStream;

/// <summary>A PackStream structure kept as-is: messages before decoding, and value structures this client does not know.</summary>
public sealed record PackStreamStructure(byte Tag, IReadOnlyList<object?> Fields)
{
    public override string ToString() => $"Structure(0x{Tag:X2}, {Fields.Count} fields)";
}
