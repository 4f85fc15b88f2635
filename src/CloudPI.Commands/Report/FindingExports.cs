using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudPI.Dracon.Producers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Report;

/// <summary>The report's machine formats: every finding of the model with its annotations, for other tools.</summary>
internal enum ReportFormat
{
    Md,
    Json,
    Csv,
    Sarif,
    Ocsf,
}

/// <summary>
/// Exports of the report model. JSON (CloudPI's own, schema in docs/schemas/cloudpi-findings.schema.json), CSV (one
/// row a finding), SARIF 2.1.0 (one rule a control) and OCSF 1.1.0 Detection Findings (class 2004, what Security
/// Lake and Security Hub ingest); all list every finding, muted ones marked, in the model's order.
/// </summary>
internal static class FindingExports
{
    public const string OcsfVersion = "1.1.0";

    public static string Version { get; } =
        typeof(FindingExports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static byte[] Write(ReportModel model, ReportFormat format) => format switch
    {
        ReportFormat.Md => Encoding.UTF8.GetBytes(MarkdownReport.Write(model)),
        ReportFormat.Json => Json(model),
        ReportFormat.Csv => Encoding.UTF8.GetBytes(Csv(model)),
        ReportFormat.Sarif => Sarif(model),
        ReportFormat.Ocsf => Ocsf(model),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static byte[] Json(ReportModel model) => Document(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteStartObject("scan");
        json.WriteString("id", model.Scope.ScanId);
        WriteTime(json, "started", model.Scope.Started);
        Strings(json, "producers", model.Scope.Tools);
        Strings(json, "accounts", model.Scope.Accounts);
        Strings(json, "filters", model.Scope.Filters);
        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteNumber("findings", model.Findings.Count);
        json.WriteNumber("exploitable", model.ExploitableCount);
        json.WriteNumber("reachable", model.ReachableCount);
        json.WriteNumber("muted", model.MutedCount);
        json.WriteEndObject();
        if (model.Baseline is { } baseline)
        {
            json.WriteStartObject("baseline");
            json.WriteString("directory", baseline.Directory);
            json.WriteNumber("previous", baseline.Previous);
            json.WriteNumber("unchanged", baseline.Unchanged);
            json.WriteNumber("resolved", baseline.Resolved);
            json.WriteEndObject();
        }

        json.WriteStartArray("findings");
        foreach (var (f, rank) in model.Findings.Select((f, i) => (f, i + 1)))
        {
            json.WriteStartObject();
            json.WriteNumber("rank", rank);
            json.WriteNumber("priority", f.Score);
            json.WriteString("severity", f.Severity);
            WriteOptional(json, "originalSeverity", f.OriginalSeverity);
            json.WriteString("control", f.Control);
            json.WriteString("title", f.Issue.Title);
            json.WriteString("target", f.Issue.Target);
            WriteOptional(json, "resource", f.Annotation(CloudPI.Enrichers.AnnotationKeys.Resource));
            json.WriteString("account", f.Account);
            Strings(json, "producers", f.Tools);
            Strings(json, "uuids", f.Uuids);
            json.WriteString("exploitable", f.Exploitable);
            json.WriteString("reachable", f.Reachable);
            WriteOptional(json, "path", f.Path);
            WriteOptional(json, "reason", f.Reason);
            Strings(json, "exploitabilityReasons", f.ExploitabilityReasons);
            WriteOptional(json, "fix", f.Fix);
            Strings(json, "securityHubControls", f.CatalogControl?.Mappings.SecurityHubControls ?? []);
            if (f.Muted is { } muted)
            {
                json.WriteStartObject("muted");
                json.WriteString("reason", muted);
                WriteOptional(json, "until", f.MutedUntil);
                json.WriteEndObject();
            }

            json.WriteStartObject("annotations");
            foreach (var (key, value) in f.Enriched.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static readonly IReadOnlyList<string> CsvColumns =
        ["rank", "priority", "severity", "control", "title", "target", "account", "producers", "exploitable", "reachable", "path", "reason", "fix", "muted", "muted_until", "uuids"];

    /// <summary>RFC 4180: CRLF line ends, every field quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(ReportModel model)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var (f, rank) in model.Findings.Select((f, i) => (f, i + 1)))
        {
            string?[] fields =
            [
                rank.ToString(CultureInfo.InvariantCulture), f.Score.ToString(CultureInfo.InvariantCulture), f.Severity, f.Control, f.Issue.Title,
                f.Issue.Target, f.Account, string.Join(' ', f.Tools), f.Exploitable, f.Reachable, f.Path, f.Reason, f.Fix, f.Muted, f.MutedUntil,
                string.Join(' ', f.Uuids),
            ];
            csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();

        static string Quote(string? field) =>
            field is null ? string.Empty
            : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }

    /// <summary>SARIF 2.1.0: one rule a control (with GitHub's security-severity), one result a finding, suppressed when muted.</summary>
    public static byte[] Sarif(ReportModel model) => Document(json =>
    {
        var rules = model.Findings.GroupBy(f => f.Control).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var ruleIndex = rules.Select((f, i) => (f.Control, i)).ToDictionary(x => x.Control, x => x.i, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "cloudpi");
        json.WriteString("version", Version);
        json.WriteString("informationUri", "https://github.com/cloudpi/cloudpi");
        json.WriteStartArray("rules");
        foreach (var f in rules)
        {
            var control = f.CatalogControl;
            json.WriteStartObject();
            json.WriteString("id", f.Control);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", control?.Title ?? f.Issue.Title);
            json.WriteEndObject();
            if (control is not null)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", control.Description);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", control.Remediation);
                json.WriteEndObject();
            }

            json.WriteStartObject("properties");
            json.WriteString("security-severity", CloudPI.Iac.Output.SarifLog.SecuritySeverity(control is null ? f.Issue.Severity : ControlIssues.Severity(control.Severity)));
            Strings(json, "tags", ["security", "cloud", "aws"]);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var f in model.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", f.Control);
            json.WriteNumber("ruleIndex", ruleIndex[f.Control]);
            json.WriteString("level", f.Issue.Severity >= Severity.High ? "error" : f.Issue.Severity >= Severity.Medium ? "warning" : "note");
            json.WriteStartObject("message");
            json.WriteString("text", $"{f.Issue.Title} on {f.Issue.Target}" + (f.Reason is { } reason ? $": {reason}" : string.Empty));
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", f.Issue.Target);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("controlResourceHash/v1", Hash($"{f.Key.Control}\n{f.Key.Resource}"));
            json.WriteEndObject();
            if (f.Muted is { } muted)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("justification", muted);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("properties");
            json.WriteNumber("priority", f.Score);
            json.WriteString("exploitable", f.Exploitable);
            json.WriteString("reachable", f.Reachable);
            WriteOptional(json, "path", f.Path);
            WriteOptional(json, "fix", f.Fix);
            Strings(json, "producers", f.Tools);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>
    /// OCSF 1.1.0 Detection Findings (class 2004, activity Create), a JSON array: severity and confidence normalised,
    /// the resource with its account, the control as the analytic, the fix as remediation, CloudPI's verdicts in
    /// <c>unmapped</c>; a muted finding has status Suppressed.
    /// </summary>
    public static byte[] Ocsf(ReportModel model) => Document(json =>
    {
        var time = (model.Scope.Started ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds();
        json.WriteStartArray();
        foreach (var f in model.Findings)
        {
            json.WriteStartObject();
            json.WriteNumber("activity_id", 1);
            json.WriteString("activity_name", "Create");
            json.WriteNumber("category_uid", 2);
            json.WriteString("category_name", "Findings");
            json.WriteNumber("class_uid", 2004);
            json.WriteString("class_name", "Detection Finding");
            json.WriteNumber("type_uid", 200401);
            json.WriteString("type_name", "Detection Finding: Create");
            json.WriteNumber("severity_id", (int)f.Issue.Severity);
            json.WriteString("severity", f.Issue.Severity switch
            {
                Severity.Info => "Informational",
                Severity.Unspecified => "Unknown",
                _ => f.Issue.Severity.ToString(),
            });
            json.WriteNumber("time", time);
            json.WriteNumber("status_id", f.Muted is null ? 1 : 3);
            json.WriteString("status", f.Muted is null ? "New" : "Suppressed");
            var confidence = f.Issue.Confidence switch
            {
                Confidence.Info or Confidence.Low => 1,
                Confidence.Medium => 2,
                Confidence.High or Confidence.Critical => 3,
                _ => 0,
            };
            json.WriteNumber("confidence_id", confidence);
            json.WriteString("confidence", confidence switch { 1 => "Low", 2 => "Medium", 3 => "High", _ => "Unknown" });
            json.WriteString("message", f.Reason ?? f.Issue.Title);
            json.WriteBoolean("is_alert", f.Muted is null && f.Exploitable == "true");
            json.WriteNumber("risk_score", f.Score);
            json.WriteStartObject("metadata");
            json.WriteString("version", OcsfVersion);
            json.WriteString("uid", f.Uuids[0]);
            json.WriteStartObject("product");
            json.WriteString("name", "CloudPI");
            json.WriteString("vendor_name", "CloudPI");
            json.WriteString("version", Version);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("cloud");
            json.WriteString("provider", "AWS");
            if (f.Account != "-")
            {
                json.WriteStartObject("account");
                json.WriteString("uid", f.Account);
                json.WriteNumber("type_id", 10);
                json.WriteString("type", "AWS Account");
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("finding_info");
            json.WriteString("uid", Hash($"{f.Key.Control}\n{f.Key.Resource}"));
            json.WriteString("title", f.Issue.Title);
            json.WriteString("desc", f.Issue.Description);
            Strings(json, "types", [f.Control]);
            json.WriteStartObject("analytic");
            json.WriteString("uid", f.Control);
            json.WriteString("name", f.CatalogControl?.Title ?? f.Issue.Title);
            json.WriteNumber("type_id", 1);
            json.WriteString("type", "Rule");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("resources");
            json.WriteStartObject();
            json.WriteString("uid", f.Issue.Target);
            WriteOptional(json, "type", f.CatalogControl?.ResourceTypes.FirstOrDefault());
            json.WriteString("cloud_partition", "aws");
            json.WriteEndObject();
            json.WriteEndArray();
            if (f.Fix is { } fix)
            {
                json.WriteStartObject("remediation");
                json.WriteString("desc", fix);
                json.WriteEndObject();
            }

            json.WriteStartObject("unmapped");
            json.WriteString("exploitable", f.Exploitable);
            json.WriteString("reachable", f.Reachable);
            WriteOptional(json, "path", f.Path);
            Strings(json, "producers", f.Tools);
            Strings(json, "security_hub_controls", f.CatalogControl?.Mappings.SecurityHubControls ?? []);
            WriteOptional(json, "muted_reason", f.Muted);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static byte[] Document(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return buffer.ToArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
