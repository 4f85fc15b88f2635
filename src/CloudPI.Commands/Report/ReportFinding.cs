using System.Globalization;
using CloudPI.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Report;

/// <summary>One aggregated finding as the report shows it; reported by <see cref="Tools"/> (several producers on the same control and resource are one finding).</summary>
internal sealed record ReportFinding(string Tool, EnrichedIssue Enriched)
{
    public IReadOnlyList<string> Tools { get; init; } = [Tool];

    public Issue Issue => Enriched.RawIssue;

    /// <summary>What makes two reports the same finding: the control and the resource (the graph's id when resolved, else the target).</summary>
    public (string Control, string Resource) Key => (Control, Annotation(AnnotationKeys.Resource) ?? Issue.Target);

    public int Score => int.TryParse(Annotation(AnnotationKeys.PriorityScore), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
        ? score
        : (int)Issue.Severity * 15; // not prioritised (no exploitability enricher): rank by severity alone

    public string Control => Annotation(AnnotationKeys.Control) ?? Issue.Type;

    public string? Reason => Annotation(AnnotationKeys.PriorityReason);

    public string? Path => Annotation(AnnotationKeys.ReachabilityPath);

    public string Exploitable => Annotation(AnnotationKeys.Exploitable) ?? "n/a";

    public string Reachable => Annotation(AnnotationKeys.Reachable) ?? "n/a";

    /// <summary>The AWS account from an ARN target (<c>arn:aws:ec2:region:ACCOUNT:...</c>), else the tool's scope.</summary>
    public string Account
    {
        get
        {
            var parts = Issue.Target.Split(':');
            return parts.Length > 4 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : "-";
        }
    }

    public string? Annotation(string key) => Enriched.Annotations.TryGetValue(key, out var value) ? value : null;
}
