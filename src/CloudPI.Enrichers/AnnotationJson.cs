using System.Text.Json;
using CloudPI.Dracon.Enrichers;

namespace CloudPI.Enrichers;

/// <summary>JSON shapes several annotations share, written into <see cref="AnnotatedIssue.SetJson"/>'s writer.</summary>
internal static class AnnotationJson
{
    public static void WriteStrings(Utf8JsonWriter json, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray();
        // Indexed: a foreach over the interface would box an enumerator for each list of each issue.
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteStringValue(values[i]);
        }

        json.WriteEndArray();
    }
}
