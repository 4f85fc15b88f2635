using CloudPI.Dracon.Producers;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using Ocurity.Dracon.V1;

namespace CloudPI.Iac.Output;

/// <summary>
/// Maps failures and undecided results to Dracon issues (target = URN, type = control id). A failure carries the
/// control's catalog severity; an Unknown is an INFO issue with LOW confidence, so it is visible without counting as
/// a defect. CrossGuard violations keep their own policy name as <c>crossguard:&lt;pack&gt;/&lt;policy&gt;</c>.
/// </summary>
public static class DraconIssues
{
    public const string ToolName = "cloudpi-pulumi";

    public static IEnumerable<Issue> From(IacEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        foreach (var finding in evaluation.Findings.Where(f => f.Result.Verdict != Verdict.Pass))
        {
            var result = finding.Result;
            yield return result.Verdict == Verdict.Fail
                ? ControlIssues.Failed(result.Control, result.Resource.Urn, Describe(finding))
                : ControlIssues.Undecided(result.Control, result.Resource.Urn, "undecided before deployment", Describe(finding));
        }

        foreach (var violation in evaluation.Stack.PolicyViolations)
        {
            yield return new Issue
            {
                Target = violation.ResourceUrn,
                Type = violation.RuleId,
                Title = violation.PolicyName,
                Severity = PolicySeverity(violation),
                Confidence = Confidence.Medium,
                Description = $"{violation.Message}\nEnforcement: {violation.EnforcementLevel} (CrossGuard pack {violation.PolicyPackName}).",
            };
        }
    }

    public static string Describe(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var result = finding.Result;
        var property = result.PropertyPath.Length == 0 ? string.Empty : $"Property: {result.PropertyPath}. ";
        var verdict = result.Verdict == Verdict.Unknown ? "Undecided: " : string.Empty;
        return $"{result.Resource.Type} {result.Resource.Name}: {verdict}{result.Reason}. {property}"
            + $"Enforcement: {Level(finding.Level)}. Remediation: {result.Control.Remediation}";
    }

    public static string Level(EnforcementLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>The event's own severity, else high for a mandatory policy and medium for an advisory one.</summary>
    internal static Severity PolicySeverity(PolicyViolation violation) => violation.Severity switch
    {
        "low" => Severity.Low,
        "medium" => Severity.Medium,
        "high" => Severity.High,
        "critical" => Severity.Critical,
        _ => violation.IsMandatory ? Severity.High : Severity.Medium,
    };
}
