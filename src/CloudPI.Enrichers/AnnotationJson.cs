using System.Buffers;
using System.Text;
using System.Text.Json;
using CloudPI.Dracon.Enrichers;

namespace CloudPI.Enrichers;

/// <summary>Compact JSON for annotation values kept as strings (a resource's, shared by its issues), written by hand
/// (no reflection) as <see cref="AnnotatedIssue.SetJson"/> writes the others.</summary>
internal static class AnnotationJson
{
    // One buffer and writer per thread, reused: an enricher writes several JSON values for each of many issues.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = t_json ??= new Utf8JsonWriter(buffer, AnnotatedIssue.JsonOptions);
        // Taken while in use, so a value written inside another's callback gets a writer of its own.
        t_buffer = null;
        t_json = null;
        try
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            write(json);
            json.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            t_buffer = buffer;
            t_json = json;
        }
    }

    public static void WriteStrings(Utf8JsonWriter json, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
