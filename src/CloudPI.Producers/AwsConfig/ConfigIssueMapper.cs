using System.Globalization;
using System.Text;
using CloudPI.Controls;
using Ocurity.Dracon.V1;

namespace CloudPI.Producers.AwsConfig;

/// <summary>
/// Turns NON_COMPLIANT AWS Config evaluations into Dracon issues, one per (rule, resource):
/// <list type="bullet">
/// <item>target: the resource ARN (built from type and id, else the ARN Config reported, else <see cref="AwsResourceArn.Fallback"/>);</item>
/// <item>type, title, severity, remediation: from the control the rule implements;</item>
/// <item>confidence HIGH: the result is Config's own evaluation of the recorded configuration.</item>
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
        return new Issue
        {
            Target = Target(evaluation),
            Type = control?.Id ?? GenericTypePrefix + evaluation.ConfigRuleName,
            Title = control?.Title ?? $"AWS Config rule {evaluation.ConfigRuleName} reports {evaluation.ResourceType} {evaluation.ResourceId} non-compliant",
            Severity = control is null ? Severity.Medium : (Severity)(int)control.Severity,
            Confidence = Confidence.High,
            Description = Describe(evaluation, control),
        };
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
        var managedRule = e.RuleSource?.SourceIdentifier is { } identifier ? $" (managed rule {identifier})" : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"AWS Config rule {e.ConfigRuleName}{managedRule} evaluated {e.ResourceType} {e.ResourceId} as NON_COMPLIANT.\n");
        if (!string.IsNullOrWhiteSpace(e.Annotation))
        {
            text.Append(CultureInfo.InvariantCulture, $"Annotation: {e.Annotation.Trim()}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Resource: {e.ResourceType} {e.ResourceId}, account {e.AccountId ?? "unknown"}, region {e.Region ?? "unknown"}\n");
        text.Append(CultureInfo.InvariantCulture, $"Rule invoked: {Iso(e.ConfigRuleInvokedTime)}; result recorded: {Iso(e.ResultRecordedTime)}\n");
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

    private static string Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "unknown";
}
