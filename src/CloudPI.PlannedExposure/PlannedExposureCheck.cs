using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Model;

namespace CloudPI.PlannedExposure;

/// <summary>
/// The planned-exposure differences as results of the preventive gate, so enforcement levels, Dracon issues, SARIF
/// and the exit code follow the other checks: an opened path fails, an undecided one is unknown, a closed one passes
/// (closing a path never blocks). A weakness that becomes exploitable on a resource the internet already reaches
/// fails like a new path: the change turns an existing path into an attack. Each result is located at the Pulumi resource that opens or closes the path.
/// </summary>
public sealed class PlannedExposureCheck(IReadOnlyList<PathChange> changes) : IacCheck(PlannedInternetExposure.Control)
{
    /// <summary>Not one of the registered preventive checks: the planned-exposure command runs it alone.</summary>
    public override int Position => int.MaxValue;

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var change in changes)
        {
            var resource = change.Cause ?? stack.Resources.FirstOrDefault(r => r.Type == "pulumi:pulumi:Stack") ?? stack.Resources.FirstOrDefault();
            if (resource is null)
            {
                continue;
            }

            yield return change.Kind switch
            {
                ChangeKind.Opened => Fail(resource, string.Empty, $"{change.ResourceId} {change.Reason}; path: {change.Path}{Exploitable(change)}"),
                ChangeKind.NewlyExploitable => Fail(resource, string.Empty, $"{change.ResourceId} {change.Reason}; path: {change.Path}"),
                ChangeKind.Undecided => Unknown(resource, string.Join(", ", change.Unknowns.Select(u => u.Property).Distinct()), $"{change.ResourceId} {change.Reason}; path if open: {change.Path}"),
                _ => Pass(resource, $"{change.ResourceId} {change.Reason}; was: {change.LivePath}; now: {change.Path}"),
            };
        }
    }

    private static string Exploitable(PathChange change) => change.Exploitability is { } verdict
        ? $"; exploitability: {verdict.Status.ToString().ToLowerInvariant()} ({verdict.Sentence})"
        : string.Empty;
}
