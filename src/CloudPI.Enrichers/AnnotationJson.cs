using System.Text.Json;
using CloudPI.Dracon.Enrichers;

namespace CloudPI.Enrichers;

/// <summary>JSON shapes several annotations share, written into <see cref="AnnotatedIssue.SetJson"/>'s writer.</summary>
internal static class AnnotationJson
{
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
