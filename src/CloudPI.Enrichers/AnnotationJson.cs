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

/// <summary>The annotations' JSON property names, encoded once: written as strings, each would be transcoded and
/// checked for escaping on every issue.</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Access = JsonEncodedText.Encode("access");
    public static readonly JsonEncodedText Administrator = JsonEncodedText.Encode("administrator");
    public static readonly JsonEncodedText AdministratorCondition = JsonEncodedText.Encode("administrator_condition");
    public static readonly JsonEncodedText AdministratorReason = JsonEncodedText.Encode("administrator_reason");
    public static readonly JsonEncodedText Arn = JsonEncodedText.Encode("arn");
    public static readonly JsonEncodedText Basis = JsonEncodedText.Encode("basis");
    public static readonly JsonEncodedText Chain = JsonEncodedText.Encode("chain");
    public static readonly JsonEncodedText Combination = JsonEncodedText.Encode("combination");
    public static readonly JsonEncodedText Conditional = JsonEncodedText.Encode("conditional");
    public static readonly JsonEncodedText Cvss = JsonEncodedText.Encode("cvss");
    public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    public static readonly JsonEncodedText Decision = JsonEncodedText.Encode("decision");
    public static readonly JsonEncodedText Escalations = JsonEncodedText.Encode("escalations");
    public static readonly JsonEncodedText Hops = JsonEncodedText.Encode("hops");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Join = JsonEncodedText.Encode("join");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    public static readonly JsonEncodedText Layer = JsonEncodedText.Encode("layer");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Node = JsonEncodedText.Encode("node");
    public static readonly JsonEncodedText Package = JsonEncodedText.Encode("package");
    public static readonly JsonEncodedText Points = JsonEncodedText.Encode("points");
    public static readonly JsonEncodedText PrivilegeEscalation = JsonEncodedText.Encode("privilege_escalation");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Steps = JsonEncodedText.Encode("steps");
    public static readonly JsonEncodedText Workload = JsonEncodedText.Encode("workload");
}
