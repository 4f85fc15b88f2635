using System.Globalization;
using System.Text.Json;
using CloudPI.Controls;
using CloudPI.Enrichers;
using CloudPI.Enrichers.Muting;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Report;

/// <summary>One aggregated finding as the report shows it; reported by <see cref="Tools"/> (several producers on the same control and resource are one finding).</summary>
internal sealed record ReportFinding(string Tool, EnrichedIssue Enriched)
{
    public IReadOnlyList<string> Tools { get; init; } = [Tool];

    /// <summary>The Dracon uuids of the issues merged into this finding, one per producer.</summary>
    public IReadOnlyList<string> Uuids { get; init; } = [Enriched.RawIssue.Uuid];

    public Issue Issue => Enriched.RawIssue;

    /// <summary>What makes two reports the same finding: the control and the resource (the graph's id when resolved, else the target).</summary>
    public (string Control, string Resource) Key => (Control, Annotation(AnnotationKeys.Resource) ?? Issue.Target);

    public int Score => int.TryParse(Annotation(AnnotationKeys.PriorityScore), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
        ? score
        : (int)Issue.Severity * 15; // not prioritised (no exploitability enricher): rank by severity alone

    public string Control => Annotation(AnnotationKeys.Control) ?? Issue.Type;

    /// <summary>The catalog's entry for <see cref="Control"/>, when the control is one CloudPI knows.</summary>
    public Control? CatalogControl => ControlCatalog.Default.Resolve(Control);

    /// <summary>The adjusted severity (the exploitability enricher's), upper case: CRITICAL … INFO.</summary>
    public string Severity => SeverityName(Issue.Severity);

    /// <summary>The producer's severity before the adjustment, when it was adjusted.</summary>
    public string? OriginalSeverity => Annotation(AnnotationKeys.OriginalSeverity);

    public string? Reason => Annotation(AnnotationKeys.PriorityReason);

    public string? Path => Annotation(AnnotationKeys.ReachabilityPath);

    /// <summary>A path worth drawing: at least two hops.</summary>
    public bool HasPath => Path is { } path && path.Contains('→', StringComparison.Ordinal);

    public string Exploitable => Annotation(AnnotationKeys.Exploitable) ?? "n/a";

    public string Reachable => Annotation(AnnotationKeys.Reachable) ?? "n/a";

    /// <summary>Why the exploitability enricher decided as it did, one sentence each.</summary>
    public IReadOnlyList<string> ExploitabilityReasons =>
        Annotation(AnnotationKeys.ExploitabilityReasons) is { } json && JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Array } reasons
            ? [.. reasons.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : r.GetRawText())]
            : [];

    /// <summary>The smallest change that closes the path when the reachability enricher found one, else the control's remediation.</summary>
    public string? Fix => Annotation(AnnotationKeys.ReachabilityFix) ?? CatalogControl?.Remediation;

    /// <summary>Why the finding is muted (the mute file's reason), or null.</summary>
    public string? Muted => Annotation(AnnotationKeys.Muted);

    public string? MutedUntil => Annotation(AnnotationKeys.MutedUntil);

    /// <summary>The AWS account from an ARN target, else <c>-</c>.</summary>
    public string Account => TargetAccount.Of(Issue.Target) ?? "-";

    public string? Annotation(string key) => Enriched.Annotations.TryGetValue(key, out var value) ? value : null;

    public static string SeverityName(Severity severity) => severity.ToString().ToUpperInvariant();
}
