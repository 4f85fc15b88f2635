using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// Writes a graph as APOC JSON_LINES: all nodes, then all relationships, labels and property keys sorted, so the
/// same graph always gives the same bytes. Relationship ends carry id and labels (APOC's writeNodeProperties:false
/// shape), which <see cref="ApocJsonLinesReader"/> and <c>apoc.import.json</c> both accept.
/// </summary>
public static class ApocJsonLinesWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep ARNs, CIDRs and policy text readable ("+", "<" and non-ASCII would otherwise be \u-escaped).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it: no partial output on failure.</summary>
    public static void WriteFile(PropertyGraph graph, string path)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(
            Path.GetDirectoryName(fullPath)!,
            $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(graph, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public static void Write(PropertyGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, Options);
        foreach (var node in graph.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("type", "node");
            WriteNodeReference(json, node);
            WriteProperties(json, node.Properties);
            json.WriteEndObject();
            EndLine(json, stream);
        }

        foreach (var relationship in graph.Relationships)
        {
            json.WriteStartObject();
            json.WriteString("type", "relationship");
            json.WriteString("id", relationship.ExternalId);
            json.WriteString("label", relationship.Type);
            WriteProperties(json, relationship.Properties);
            json.WriteStartObject("start");
            WriteNodeReference(json, relationship.Start);
            json.WriteEndObject();
            json.WriteStartObject("end");
            WriteNodeReference(json, relationship.End);
            json.WriteEndObject();
            json.WriteEndObject();
            EndLine(json, stream);
        }
    }

    private static void EndLine(Utf8JsonWriter json, Stream stream)
    {
        json.Flush();
        stream.WriteByte((byte)'\n');
        json.Reset(stream);
    }

    private static void WriteNodeReference(Utf8JsonWriter json, GraphNode node)
    {
        json.WriteString("id", node.ExternalId);
        var labels = node.Labels;
        if (labels.Count == 0)
        {
            return;
        }

        json.WriteStartArray("labels");
        foreach (var label in labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
    }

    private static void WriteProperties(Utf8JsonWriter json, PropertyMap properties)
    {
        if (properties.Count == 0)
        {
            return;
        }

        json.WritePropertyName("properties");
        WriteMap(json, properties.Entries);
    }

    private static void WriteMap(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> entries)
    {
        json.WriteStartObject();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                WriteDouble(json, d);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case IReadOnlyDictionary<string, object?> map:
                WriteMap(json, map);
                break;
            case IReadOnlyList<object?> list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"unsupported property value type {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Integral doubles keep a ".0" so they read back as doubles, not longs; JSON has no NaN/Infinity.</summary>
    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        if (!double.IsFinite(value))
        {
            json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            json.WriteRawValue(value.ToString("F1", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            json.WriteNumberValue(value);
        }
    }
}
