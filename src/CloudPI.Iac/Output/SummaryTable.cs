using System.Globalization;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;

namespace CloudPI.Iac.Output;

/// <summary>The terminal report: pass/fail/unknown per control, then every failing or undecided resource.</summary>
public static class SummaryTable
{
    public static void Write(IacEvaluation evaluation, TextWriter output, bool failOnUnknown)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(output);
        var stack = evaluation.Stack;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stack.File}: {stack.Format}, {stack.Resources.Count} resources{(stack.ListsEveryResource ? string.Empty : " (unchanged resources not listed: stack-level checks may be undecided)")}"));
        output.WriteLine();
        output.WriteLine($"{"CONTROL",-44} {"LEVEL",-10} {"PASS",5} {"FAIL",5} {"UNKNOWN",7}");
        foreach (var control in evaluation.Findings.GroupBy(f => f.Result.Control.Id))
        {
            var level = control.Max(f => f.Level);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{control.Key,-44} {DraconIssues.Level(level),-10} {Count(control, Verdict.Pass),5} {Count(control, Verdict.Fail),5} {Count(control, Verdict.Unknown),7}"));
        }

        var reported = evaluation.Findings.Where(f => f.Result.Verdict != Verdict.Pass).ToList();
        if (reported.Count > 0 || stack.PolicyViolations.Count > 0)
        {
            output.WriteLine();
        }

        foreach (var finding in reported.OrderBy(f => f.Result.Verdict).ThenByDescending(f => f.Level))
        {
            var result = finding.Result;
            var path = result.PropertyPath.Length == 0 ? string.Empty : $" [{result.PropertyPath}]";
            output.WriteLine($"{result.Verdict.ToString().ToUpperInvariant(),-7} {DraconIssues.Level(finding.Level),-9} {result.Control.Id} {result.Resource.Urn}{path}: {result.Reason}");
        }

        foreach (var violation in stack.PolicyViolations)
        {
            output.WriteLine($"{"POLICY",-7} {violation.EnforcementLevel,-9} {violation.RuleId} {violation.ResourceUrn}: {violation.Message.ReplaceLineEndings(" ")}");
        }

        output.WriteLine();
        var blocking = evaluation.Findings.Count(f => f.Blocks(failOnUnknown)) + stack.PolicyViolations.Count(v => v.IsMandatory);
        output.WriteLine(blocking == 0
            ? "Gate: PASS (no mandatory check failed)"
            : string.Create(CultureInfo.InvariantCulture, $"Gate: FAIL ({blocking} mandatory {(blocking == 1 ? "failure" : "failures")}{(failOnUnknown ? ", unknown counted as failure" : string.Empty)})"));
    }

    private static int Count(IEnumerable<Finding> findings, Verdict verdict) => findings.Count(f => f.Result.Verdict == verdict);
}
