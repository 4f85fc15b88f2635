using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudPI.Enrichers;

/// <summary>Compact JSON for annotation values, written by hand (no reflection) and readable (no \u escapes for arrows).</summary>
internal static class AnnotationJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread, reused: an enricher writes several JSON values for each of many issues.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
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

    public static string Strings(IEnumerable<string> values) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    });
}
