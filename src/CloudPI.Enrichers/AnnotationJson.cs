using System.Text.Json;
using CloudPI.Dracon.Enrichers;
using CloudPI.Reachability;

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

/// <summary>String values from a fixed set, encoded once as <see cref="JsonNames"/> are: every evidence step and hop of
/// every issue writes a layer and a decision, every priority its terms' names.</summary>
internal static class JsonValues
{
    private static readonly JsonEncodedText[] Layers = Encoded(Enum.GetValues<ReachabilityLayer>(), EvidenceStep.NameOf);

    private static readonly JsonEncodedText[] Decisions = Encoded(Enum.GetValues<EvidenceDecision>(), EvidenceDecisionNames.Name);

    private static readonly LiteralMemo<JsonEncodedText> Literals = new(value => JsonEncodedText.Encode(value, AnnotatedIssue.JsonOptions.Encoder));

    /// <summary>A value from a few literals the analyses name things with (a hop's kind, a priority term's name).</summary>
    public static JsonEncodedText Literal(string value) => Literals.Of(value);

    /// <summary><paramref name="layer"/> as <see cref="EvidenceStep.LayerName"/> spells it.</summary>
    public static JsonEncodedText Of(ReachabilityLayer layer) => Layers[(int)layer];

    /// <summary><paramref name="decision"/> as <see cref="EvidenceDecisionNames.Name"/> spells it.</summary>
    public static JsonEncodedText Of(EvidenceDecision decision) => Decisions[(int)decision];

    /// <summary>Each value's name, encoded as the annotations' writer would, at the value's position.</summary>
    private static JsonEncodedText[] Encoded<T>(T[] values, Func<T, string> name)
        where T : struct, Enum
    {
        var encoded = new JsonEncodedText[values.Length];
        foreach (var value in values)
        {
            encoded[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(name(value), AnnotatedIssue.JsonOptions.Encoder);
        }

        return encoded;
    }
}
