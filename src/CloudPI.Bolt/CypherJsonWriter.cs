using System.Text.Encodings.Web;
using System.Text.Json;
using CloudPI.Bolt.PackStream;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt;

/// <summary>
/// Renders records as JSON objects keyed by field name (one per line for `graph query`), without reflection:
/// nodes as {"elementId","id","labels","properties"}, relationships with type and endpoints, paths as
/// {"nodes","relationships"}, temporal values and durations as ISO-8601 strings, bytes as base64, points as
/// {"srid","x","y"[,"z"]}, non-finite floats as strings ("NaN", "Infinity").
/// </summary>
public static class CypherJsonWriter
{
    /// <summary>Compact, and without HTML-safe escaping (so "+01:00" stays readable): the output goes to terminals and files, not web pages.</summary>
    public static JsonWriterOptions LineOptions { get; } = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteRecord(Utf8JsonWriter json, CypherRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        for (var i = 0; i < record.Keys.Count; i++)
        {
            json.WritePropertyName(record.Keys[i]);
            WriteValue(json, record.Values[i]);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes each record on its own line (JSON Lines) to <paramref name="output"/>.</summary>
    public static async Task WriteLinesAsync(Stream output, IAsyncEnumerable<CypherRecord> records, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, LineOptions);
        await foreach (var record in records.WithCancellation(ct).ConfigureAwait(false))
        {
            WriteRecord(json, record);
            await json.FlushAsync(ct).ConfigureAwait(false);
            json.Reset();
            output.WriteByte((byte)'\n');
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long l: json.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double d: json.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case string s: json.WriteStringValue(s); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case BoltNode node: WriteNode(json, node); break;
            case BoltRelationship relationship: WriteRelationship(json, relationship); break;
            case BoltUnboundRelationship unbound: WriteUnboundRelationship(json, unbound); break;
            case BoltPath path: WritePath(json, path); break;
            case BoltPoint2D point: WritePoint(json, point.Srid, point.X, point.Y, z: null); break;
            case BoltPoint3D point: WritePoint(json, point.Srid, point.X, point.Y, point.Z); break;
            case BoltDate or BoltTime or BoltLocalTime or BoltDateTime or BoltLocalDateTime or BoltDuration: json.WriteStringValue(value.ToString()); break;
            case PackStreamStructure structure: WriteStructure(json, structure); break;
            case IReadOnlyDictionary<string, object?> dictionary: WriteDictionary(json, dictionary); break;
            case IReadOnlyList<object?> list: WriteList(json, list); break;
            default: throw new ArgumentException($"No JSON form for a value of type {value.GetType()}.", nameof(value));
        }
    }

    private static void WriteNode(Utf8JsonWriter json, BoltNode node)
    {
        json.WriteStartObject();
        json.WriteString("elementId", node.ElementId);
        json.WriteNumber("id", node.Id);
        json.WriteStartArray("labels");
        foreach (var label in node.Labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        WriteProperties(json, node.Properties);
        json.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter json, BoltRelationship relationship)
    {
        json.WriteStartObject();
        json.WriteString("elementId", relationship.ElementId);
        json.WriteNumber("id", relationship.Id);
        json.WriteString("type", relationship.Type);
        json.WriteString("startNodeElementId", relationship.StartNodeElementId);
        json.WriteString("endNodeElementId", relationship.EndNodeElementId);
        json.WriteNumber("startNodeId", relationship.StartNodeId);
        json.WriteNumber("endNodeId", relationship.EndNodeId);
        WriteProperties(json, relationship.Properties);
        json.WriteEndObject();
    }

    private static void WriteUnboundRelationship(Utf8JsonWriter json, BoltUnboundRelationship relationship)
    {
        json.WriteStartObject();
        json.WriteString("elementId", relationship.ElementId);
        json.WriteNumber("id", relationship.Id);
        json.WriteString("type", relationship.Type);
        WriteProperties(json, relationship.Properties);
        json.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter json, BoltPath path)
    {
        json.WriteStartObject();
        json.WritePropertyName("nodes");
        WriteList(json, path.Nodes);
        json.WritePropertyName("relationships");
        WriteList(json, path.Relationships);
        json.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter json, long srid, double x, double y, double? z)
    {
        json.WriteStartObject();
        json.WriteNumber("srid", srid);
        json.WriteNumber("x", x);
        json.WriteNumber("y", y);
        if (z is { } height)
        {
            json.WriteNumber("z", height);
        }

        json.WriteEndObject();
    }

    private static void WriteStructure(Utf8JsonWriter json, PackStreamStructure structure)
    {
        json.WriteStartObject();
        json.WriteNumber("tag", structure.Tag);
        json.WritePropertyName("fields");
        WriteList(json, structure.Fields);
        json.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> properties)
    {
        json.WritePropertyName("properties");
        WriteDictionary(json, properties);
    }

    private static void WriteDictionary(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> dictionary)
    {
        json.WriteStartObject();
        foreach (var (key, item) in dictionary)
        {
            json.WritePropertyName(key);
            WriteValue(json, item);
        }

        json.WriteEndObject();
    }

    private static void WriteList<T>(Utf8JsonWriter json, IReadOnlyList<T> list)
    {
        json.WriteStartArray();
        foreach (var item in list)
        {
            WriteValue(json, item);
        }

        json.WriteEndArray();
    }
}
