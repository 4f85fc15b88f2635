using System.Globalization;
using System.Text.Json;
using CloudPI.Controls;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Output;

/// <summary>
/// SARIF 2.1.0: one rule per evaluated control (catalog metadata) and per CrossGuard policy seen; one result per
/// failure or undecided result, level error (mandatory), warning (advisory) or note (undecided), located by the
/// resource URN (a logical location) and, when Pulumi recorded it, the declaring source line.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static byte[] Write(IacEvaluation evaluation, IReadOnlyList<Control> evaluatedControls)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(evaluatedControls);
        var policies = evaluation.Stack.PolicyViolations.DistinctBy(v => v.RuleId).ToList();
        var ruleIds = evaluatedControls.Select(c => c.Id).Concat(policies.Select(p => p.RuleId)).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", DraconIssues.ToolName);
            json.WriteString("informationUri", "https://github.com/ocurity/dracon");
            json.WriteStartArray("rules");
            foreach (var control in evaluatedControls)
            {
                WriteRule(json, control.Id, PascalCase(control.Id), control.Title, control.Description, $"{control.Description}\nRemediation: {control.Remediation}", control.Severity.ToString().ToLowerInvariant());
            }

            foreach (var policy in policies)
            {
                WriteRule(json, policy.RuleId, PascalCase(policy.PolicyName), policy.PolicyName, $"CrossGuard policy {policy.PolicyName} of pack {policy.PolicyPackName}.",
                    $"CrossGuard policy {policy.PolicyName} of pack {policy.PolicyPackName}; see the pack's documentation.", policy.Severity ?? (policy.IsMandatory ? "high" : "medium"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in evaluation.Findings.Where(f => f.Result.Verdict != Verdict.Pass))
            {
                var level = finding.Result.Verdict == Verdict.Unknown ? "note" : finding.Level == EnforcementLevel.Mandatory ? "error" : "warning";
                WriteResult(json, ruleIds.IndexOf(finding.Result.Control.Id), finding.Result.Control.Id, level, DraconIssues.Describe(finding), finding.Result.Resource);
            }

            foreach (var violation in evaluation.Stack.PolicyViolations)
            {
                WriteResult(json, ruleIds.IndexOf(violation.RuleId), violation.RuleId, violation.IsMandatory ? "error" : "warning", violation.Message, evaluation.Stack.Find(violation.ResourceUrn), violation.ResourceUrn);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRule(Utf8JsonWriter json, string id, string name, string shortText, string fullText, string helpText, string severity)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", shortText);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", fullText);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", helpText);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("severity", severity);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, int ruleIndex, string ruleId, string level, string message, IacResource? resource, string? urn = null)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message.Length == 0 ? ruleId : message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        var source = SourcePosition(resource?.SourcePosition);
        if (source is { } position)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", position.Uri);
            json.WriteEndObject();
            if (position.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", position.Line);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", resource?.Urn ?? urn);
        if (resource is not null)
        {
            json.WriteString("name", resource.Name);
        }

        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>SARIF's rule name is an identifier: <c>restricted-ssh</c> becomes <c>RestrictedSsh</c>.</summary>
    private static string PascalCase(string id) =>
        string.Concat(id.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>Pulumi's <c>project:///index.ts#12,3</c> becomes <c>index.ts</c> line 12.</summary>
    internal static (string Uri, int Line)? SourcePosition(string? position)
    {
        if (string.IsNullOrEmpty(position))
        {
            return null;
        }

        var hash = position.IndexOf('#', StringComparison.Ordinal);
        var uri = hash < 0 ? position : position[..hash];
        uri = uri.StartsWith("project://", StringComparison.Ordinal) ? uri["project://".Length..].TrimStart('/') : uri;
        var line = hash < 0 ? 0 : int.TryParse(position[(hash + 1)..].Split(',')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return uri.Length == 0 ? null : (uri, line);
    }
}
