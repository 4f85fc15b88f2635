using CloudPI.Controls;
using CloudPI.Controls.Frameworks;

namespace CloudPI.Commands.Report;

/// <summary>
/// A framework requirement judged from the run's findings: <c>fail</c> when an unmuted finding of one of its controls
/// was reported, <c>muted</c> when only muted ones were, <c>pass</c> when none was (no producer of the run reported it).
/// </summary>
internal sealed record RequirementResult(FrameworkRequirement Requirement, IReadOnlyList<string> Controls, string Status, int Failing, int Muted);

internal static class ComplianceView
{
    public static IReadOnlyList<RequirementResult> Evaluate(IReadOnlyList<ReportFinding> findings, ControlCatalog catalog)
    {
        var byControl = findings.GroupBy(f => f.CatalogControl?.Id ?? f.Control, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return
        [
            .. ComplianceFrameworks.Requirements(catalog).Select(requirement =>
            {
                var controls = ComplianceFrameworks.ControlsOf(requirement, catalog).Select(c => c.Id).ToList();
                var reported = controls.SelectMany(id => byControl.GetValueOrDefault(id) ?? []).ToList();
                var failing = reported.Count(f => f.Muted is null);
                var muted = reported.Count - failing;
                return new RequirementResult(requirement, controls, failing > 0 ? "fail" : muted > 0 ? "muted" : "pass", failing, muted);
            }),
        ];
    }

    /// <summary>Per framework: requirements passed, failed, muted.</summary>
    public static IEnumerable<(string Framework, int Pass, int Fail, int Muted)> Totals(IReadOnlyList<RequirementResult> results) =>
        ComplianceFrameworks.Names
            .Select(name => results.Where(r => r.Requirement.Framework == name).ToList())
            .Where(r => r.Count > 0)
            .Select(r => (r[0].Requirement.Framework, r.Count(x => x.Status == "pass"), r.Count(x => x.Status == "fail"), r.Count(x => x.Status == "muted")));
}
