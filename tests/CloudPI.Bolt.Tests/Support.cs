using System.Buffers;
using CloudPI.Bolt.PackStream;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.Tests;

/// <summary>Helpers shared by the Bolt tests: hex goldens, encoding, deep equality, client options for the test server.</summary>
internal static class Support
{
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(10);

    public static byte[] Hex(string spaced) => Convert.FromHexString(spaced.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string HexOf(ReadOnlySpan<byte> bytes) => string.Join(' ', Convert.ToHexString(bytes).Chunk(2).Select(pair => new string(pair)));

    public static byte[] Encode(object? value, BoltDialect? dialect = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new PackStreamWriter(buffer, dialect ?? BoltDialect.Bolt5).WriteValue(value);
        return buffer.WrittenSpan.ToArray();
    }

    public static object? Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new PackStreamReader(bytes);
        var value = reader.ReadValue();
        reader.EnsureFullyConsumed();
        return value;
    }

    public static BoltClientOptions Options(BoltTestServer server, string scheme = "bolt") => new()
    {
        Uri = server.UriFor(scheme),
        Credentials = new BoltCredentials("neo4j", "pw"),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(5),
        InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static async Task<List<CypherRecord>> ToListAsync(this IAsyncEnumerable<CypherRecord> records)
    {
        var list = new List<CypherRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    /// <summary>Structural equality for decoded values (lists, dictionaries, byte arrays, graph entities; doubles bit for bit).</summary>
    public static bool DeepEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (string a, string b) => a == b,
        (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && DeepEqual(pair.Value, other)),
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => DeepEqual(pair.First, pair.Second)),
        (PackStreamStructure a, PackStreamStructure b) => a.Tag == b.Tag && DeepEqual(a.Fields, b.Fields),
        (BoltNode a, BoltNode b) => a.Id == b.Id && a.ElementId == b.ElementId && a.Labels.SequenceEqual(b.Labels) && DeepEqual(a.Properties, b.Properties),
        (BoltRelationship a, BoltRelationship b) => a with { Properties = b.Properties } == b && DeepEqual(a.Properties, b.Properties),
        (BoltPath a, BoltPath b) => a.Nodes.Count == b.Nodes.Count && a.Relationships.Count == b.Relationships.Count
            && a.Nodes.Zip(b.Nodes).All(p => DeepEqual(p.First, p.Second)) && a.Relationships.Zip(b.Relationships).All(p => DeepEqual(p.First, p.Second)),
        _ => Equals(left, right),
    };
}
