using System.Globalization;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;

namespace CloudPI.Iac.Output;

/// <summary>
/// The terminal report: why the preview is incomplete (if it is), pass/fail/unknown per control, then every failing
/// or undecided resource, and the gate's verdict.
/// </summary>
public static class SummaryTable
{
    public static void Write(IacEvaluation evaluation, TextWriter output, bool failOnUnknown)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(output);
        var stack = evaluation.Stack;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stack.File}: {stack.Format}, {stack.Resources.Count} resources{(stack.ListsEveryResource ? string.Empty : " (unchanged resources not listed: stack-level checks may be undecided)")}"));
        foreach (var reason in stack.IncompleteReasons)
        {
            output.WriteLine($"INCOMPLETE {reason}");
        }

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
        var blocking = evaluation.Blocking(failOnUnknown);
        var failures = string.Create(CultureInfo.InvariantCulture, $"{blocking} mandatory {(blocking == 1 ? "failure" : "failures")}{(failOnUnknown ? ", unknown counted as failure" : string.Empty)}");
        output.WriteLine(evaluation.Gate(failOnUnknown) switch
        {
            GateVerdict.Incomplete => $"Gate: INCOMPLETE (the preview failed or is incomplete, so what it leaves out was never checked; {failures} among what it lists)",
            GateVerdict.Blocked => $"Gate: FAIL ({failures})",
            _ => "Gate: PASS (no mandatory check failed)",
        });
    }

    private static int Count(IEnumerable<Finding> findings, Verdict verdict) => findings.Count(f => f.Result.Verdict == verdict);
}
