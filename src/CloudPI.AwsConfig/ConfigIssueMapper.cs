using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudPI.Controls;
using CloudPI.Dracon.Producers;
using Ocurity.Dracon.V1;

namespace CloudPI.AwsConfig;

/// <summary>
/// Turns NON_COMPLIANT AWS Config evaluations into Dracon issues, one per (rule, resource):
/// <list type="bullet">
/// <item>target: the resource ARN (built from type and id, else the ARN Config reported, else <see cref="AwsResourceArn.Fallback"/>);</item>
/// <item>type, title, severity, remediation: from the control the rule implements;</item>
/// <item>confidence HIGH: the result is Config's own evaluation of the recorded configuration;</item>
/// <item>description: only what stays the same while the finding does (Dracon's dedup hash covers it);</item>
/// <item>context_segment: a JSON object of what changes on every re-evaluation or with how the result was read
/// (evaluation times, the rule's source), which the hash does not cover.</item>
/// </list>
/// A rule the catalog does not know (a custom rule, a managed rule outside the catalog, or a resource type the control
/// does not cover) is kept with a generic mapping: type <c>awsconfig:&lt;rule name&gt;</c>, severity MEDIUM.
/// </summary>
public sealed class ConfigIssueMapper(ConfigRuleResolver rules)
{
    /// <summary>The Dracon <c>tool_name</c> of this producer: fixed, so downstream file names are stable.</summary>
    public const string ToolName = "cloudpi-aws-config";

    /// <summary>Prefix of the issue type of rules the catalog does not know.</summary>
    public const string GenericTypePrefix = "awsconfig:";

    private readonly ConfigRuleResolver _rules = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <summary>
    /// Maps the NON_COMPLIANT, non-PROACTIVE evaluations. The same (rule, resource) read twice (overlapping input files)
    /// gives one issue, from the most recent result. Issues are ordered by type, then target, then rule name.
    /// </summary>
    public IReadOnlyList<Issue> Map(IEnumerable<ConfigEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        return evaluations
            .Where(e => e.IsNonCompliant && !e.IsProactive)
            .GroupBy(e => (e.ConfigRuleName, e.AccountId, e.Region, e.ResourceType, e.ResourceId))
            .Select(group => group.MaxBy(e => e.ResultRecordedTime ?? DateTimeOffset.MinValue)!)
            .Select(e => (Evaluation: e, Issue: Map(e)))
            .OrderBy(x => x.Issue.Type, StringComparer.Ordinal)
            .ThenBy(x => x.Issue.Target, StringComparer.Ordinal)
            .ThenBy(x => x.Evaluation.ConfigRuleName, StringComparer.Ordinal)
            .Select(x => x.Issue)
            .ToList();
    }

    public Issue Map(ConfigEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var control = ControlFor(evaluation);
        var issue = control is null
            ? new Issue
            {
                Target = Target(evaluation),
                Type = GenericTypePrefix + evaluation.ConfigRuleName,
                Title = $"AWS Config rule {evaluation.ConfigRuleName} reports {evaluation.ResourceType} {evaluation.ResourceId} non-compliant",
                Severity = Severity.Medium,
                Confidence = Confidence.High,
                Description = Describe(evaluation, control),
            }
            : ControlIssues.Failed(control, Target(evaluation), Describe(evaluation, control));
        issue.ContextSegment = Context(evaluation);
        return issue;
    }

    /// <summary>The control, when the rule is known and the control covers the evaluated resource type.</summary>
    public Control? ControlFor(ConfigEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var control = _rules.Resolve(evaluation.ConfigRuleName, evaluation.RuleSource);
        return control is not null && control.ResourceTypes.Contains(evaluation.ResourceType, StringComparer.Ordinal) ? control : null;
    }

    private static string Target(ConfigEvaluation e) =>
        AwsResourceArn.TryBuild(e.ResourceType, e.ResourceId, e.Region, e.AccountId)
        ?? e.ReportedArn
        ?? AwsResourceArn.Fallback(e.ResourceType, e.ResourceId, e.Region, e.AccountId);

    private static string Describe(ConfigEvaluation e, Control? control)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"AWS Config rule {e.ConfigRuleName} evaluated {e.ResourceType} {e.ResourceId} as NON_COMPLIANT.\n");
        if (!string.IsNullOrWhiteSpace(e.Annotation))
        {
            text.Append(CultureInfo.InvariantCulture, $"Annotation: {e.Annotation.Trim()}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Resource: {e.ResourceType} {e.ResourceId}, account {e.AccountId ?? "unknown"}, region {e.Region ?? "unknown"}\n");
        if (control is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Control {control.Id}: {control.Description}\n");
            text.Append(CultureInfo.InvariantCulture, $"Remediation: {control.Remediation}");
        }
        else
        {
            text.Append("Control: none in the CloudPI catalog (custom rule, managed rule outside the catalog, or a resource type the control does not cover).");
        }

        return text.ToString();
    }

    /// <summary>
    /// Times change on every re-evaluation and the rule's source is known only when DescribeConfigRules was read: in the
    /// description they would give an unchanged finding a new hash. Members without a value are left out.
    /// </summary>
    private static string Context(ConfigEvaluation e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteTime(json, "configRuleInvokedTime", e.ConfigRuleInvokedTime);
            WriteTime(json, "resultRecordedTime", e.ResultRecordedTime);
            if (e.RuleSource is { } source)
            {
                json.WriteStartObject("ruleSource");
                WriteString(json, "owner", source.Owner);
                WriteString(json, "sourceIdentifier", source.SourceIdentifier);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time) =>
        WriteString(json, name, time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
