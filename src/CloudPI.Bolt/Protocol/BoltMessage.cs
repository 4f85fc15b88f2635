using CloudPI.Bolt.PackStream;

namespace CloudPI.Bolt.Protocol;

/// <summary>One decoded Bolt message: its signature and fields.</summary>
public sealed record BoltMessage(byte Signature, IReadOnlyList<object?> Fields)
{
    public static BoltMessage Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PackStreamReader(payload);
        var (fieldCount, signature) = reader.ReadStructureHeader();
        var fields = new object?[fieldCount];
        for (var i = 0; i < fieldCount; i++)
        {
            fields[i] = reader.ReadValue();
        }

        reader.EnsureFullyConsumed();
        return new BoltMessage(signature, fields);
    }

    /// <summary>The metadata dictionary of SUCCESS/FAILURE (and the extra of HELLO, PULL, ...); empty when absent.</summary>
    public IReadOnlyDictionary<string, object?> Metadata(int index = 0) =>
        Fields.Count > index
            ? Fields[index] as IReadOnlyDictionary<string, object?> ?? throw new BoltProtocolException($"Field {index} of message 0x{Signature:X2} is not a dictionary.")
            : EmptyMetadata;

    private static readonly IReadOnlyDictionary<string, object?> EmptyMetadata = new Dictionary<string, object?>();

    public override string ToString() => $"Message(0x{Signature:X2}, {Fields.Count} fields)";
}
