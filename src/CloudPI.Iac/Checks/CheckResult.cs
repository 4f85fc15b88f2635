using CloudPI.Controls;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>One check's verdict on one resource (for stack-level checks: on the VPC, bucket or cluster it concerns).</summary>
public sealed record CheckResult(Control Control, IacResource Resource, Verdict Verdict, string PropertyPath, string Reason);
