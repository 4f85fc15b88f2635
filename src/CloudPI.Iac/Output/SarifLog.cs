using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudPI.Controls;
using CloudPI.Dracon.Producers;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using Ocurity.Dracon.V1;

namespace CloudPI.Iac.Output;

/// <summary>
/// SARIF 2.1.0 that GitHub code scanning accepts: one rule per evaluated control (catalog metadata), per control with
/// undecided results, and per CrossGuard policy seen, each with a <c>security-severity</c>; one result per failure or
/// undecided result, level error (mandatory), warning (advisory) or note (undecided), located in the repository (the
/// declaring source line, else the project's <c>Pulumi.yaml</c>) and by its URN, with a fingerprint that follows the
/// resource rather than the line.
/// </summary>
public static class SarifLog
{
    /// <summary>The OASIS SARIF 2.1.0 (errata 01) schema, the one the tests validate against.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>CloudPI's home (the source the container images name).</summary>
    public const string InformationUri = "https://github.com/cloudpi/cloudpi";

    /// <summary>The README section that documents every check, its rule and its fix.</summary>
    public const string HelpUri = InformationUri + "#pulumi-preventive-checks";

    /// <summary>The <c>partialFingerprints</c> key: a hash of the rule and the resource URN (see <see cref="Fingerprint"/>).</summary>
    public const string FingerprintKey = "resourceRuleHash/v1";

    /// <summary>Suffix of the rule that holds a control's undecided results.</summary>
    public const string UndecidedSuffix = "/undecided";

    /// <summary>CloudPI's version as built (<c>0.1.0+&lt;commit&gt;</c>), so results of different releases can be told apart.</summary>
    public static string ToolVersion { get; } = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    private sealed record Rule(string Id, string Name, string ShortText, string FullText, string HelpText, Severity Severity);

    private sealed record Result(string RuleId, string Level, string Message, IacResource? Resource, string Urn);

    public static byte[] Write(IacEvaluation evaluation, IReadOnlyList<Control> evaluatedControls, ProjectDirectory project)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(evaluatedControls);
        ArgumentNullException.ThrowIfNull(project);
        var reported = evaluation.Findings.Where(f => f.Result.Verdict != Verdict.Pass).ToList();
        var violations = evaluation.Stack.PolicyViolations;

        // An undecided result gets a rule of its own: GitHub takes an alert's severity from its rule only, and an
        // undecided check must not raise a High alert that branch protection would block on.
        var rules = evaluatedControls.Select(DecidedRule)
            .Concat(reported.Where(f => f.Result.Verdict == Verdict.Unknown).Select(f => f.Result.Control).DistinctBy(c => c.Id).Select(UndecidedRule))
            .Concat(violations.DistinctBy(v => v.RuleId).Select(PolicyRule))
            .ToList();
        var results = reported.Select(f => new Result(
                f.Result.Verdict == Verdict.Unknown ? f.Result.Control.Id + UndecidedSuffix : f.Result.Control.Id,
                f.Result.Verdict == Verdict.Unknown ? "note" : f.Level == EnforcementLevel.Mandatory ? "error" : "warning",
                DraconIssues.Describe(f),
                f.Result.Resource,
                f.Result.Resource.Urn))
            .Concat(violations.Select(v => new Result(v.RuleId, v.IsMandatory ? "error" : "warning", v.Message, evaluation.Stack.Find(v.ResourceUrn), v.ResourceUrn)));

        var ruleIndexes = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);
        var occurrences = new Dictionary<(string, string), int>();
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
            json.WriteString("version", ToolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                var occurrence = occurrences[(result.RuleId, result.Urn)] = occurrences.GetValueOrDefault((result.RuleId, result.Urn)) + 1;
                WriteResult(json, result, ruleIndexes[result.RuleId], project.Locate(result.Resource), Fingerprint(result.RuleId, result.Urn, occurrence));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// GitHub's security severity (a score 0.0–10.0: 9.0 and above critical, 7.0 high, 4.0 medium, else low) for a
    /// Dracon severity, in the middle of each band.
    /// </summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.5",
        _ => "0.5",
    };

    /// <summary>
    /// SHA-256 of the rule, the resource URN and the result's occurrence among the run's results of that pair. An
    /// alert then follows its resource across commits when code around the declaration moves; a hash of the source
    /// line (what the upload action would compute) would also merge every resource declared on one line, or falling
    /// back to <c>Pulumi.yaml</c>, into a single alert.
    /// </summary>
    internal static string Fingerprint(string ruleId, string urn, int occurrence) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ruleId}\n{urn}\n{occurrence}"))));

    private static Rule DecidedRule(Control control) => new(
        control.Id, PascalCase(control.Id), control.Title, control.Description, $"{control.Description}\nRemediation: {control.Remediation}", ControlIssues.Severity(control.Severity));

    private static Rule UndecidedRule(Control control) => new(
        control.Id + UndecidedSuffix,
        PascalCase(control.Id) + "Undecided",
        $"{control.Title} (undecided before deployment)",
        $"{control.Description} The check depends on a value known only at deployment (or a secret), so it is decided on the next preview or stack export.",
        $"Check again after deployment (pulumi stack export), or set the value in the program.\nRemediation if it fails: {control.Remediation}",
        Severity.Info);

    private static Rule PolicyRule(PolicyViolation policy) => new(
        policy.RuleId,
        PascalCase(policy.PolicyName),
        policy.PolicyName,
        $"CrossGuard policy {policy.PolicyName} of pack {policy.PolicyPackName}.",
        $"CrossGuard policy {policy.PolicyName} of pack {policy.PolicyPackName}; see the pack's documentation.",
        DraconIssues.PolicySeverity(policy));

    private static void WriteRule(Utf8JsonWriter json, Rule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.ShortText);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.FullText);
        json.WriteEndObject();
        json.WriteString("helpUri", HelpUri);
        json.WriteStartObject("help");
        json.WriteString("text", rule.HelpText);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("severity", rule.Severity.ToString().ToLowerInvariant());
        json.WriteString("security-severity", SecuritySeverity(rule.Severity));
        json.WriteStartArray("tags"); // GitHub reads security-severity on rules tagged "security"
        json.WriteStringValue("security");
        json.WriteStringValue("pulumi");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Result result, int ruleIndex, SourceLocation source, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", result.Level);
        json.WriteStartObject("message");
        json.WriteString("text", result.Message.Length == 0 ? result.RuleId : result.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", source.Uri);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", source.Line);
        if (source.Column is { } column)
        {
            json.WriteNumber("startColumn", column);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", result.Urn);
        if (result.Resource is not null)
        {
            json.WriteString("name", result.Resource.Name);
        }

        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, fingerprint);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>SARIF's rule name is an identifier: <c>restricted-ssh</c> becomes <c>RestrictedSsh</c>.</summary>
    private static string PascalCase(string id) =>
        string.Concat(id.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
