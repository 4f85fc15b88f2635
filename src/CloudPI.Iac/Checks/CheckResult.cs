using CloudPI.Controls;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>One check's verdict on one resource (for stack-level checks: on the VPC, bucket or cluster it concerns).</summary>
public sealed record CheckResult(Control Control, IacResource Resource, Verdict Verdict, string PropertyPath, string Reason)
{
    /// <summary>
    /// The finding is advice whatever the configured level (a bucket relying on AWS's default public access block),
    /// so it never blocks a deployment.
    /// </summary>
    public bool AdvisoryAtMost { get; init; }
}
