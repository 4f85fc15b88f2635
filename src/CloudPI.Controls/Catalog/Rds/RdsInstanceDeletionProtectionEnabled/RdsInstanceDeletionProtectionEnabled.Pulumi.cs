using System.Runtime.CompilerServices;
using CloudPI.Controls;
using CloudPI.Controls.Catalog.Rds;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// RDS deletion protection: a DB instance's own <c>deletionProtection</c>; Aurora members are judged by their
/// cluster's, as Prowler does. Absent means false (Pulumi does not fill in the default); the sample only fired on
/// the string "None", so it never fired.
/// </summary>
public sealed class RdsDeletionProtectionEnabledCheck() : IacCheck(RdsInstanceDeletionProtectionEnabled.Control, RdsClusterDeletionProtectionEnabled.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new RdsDeletionProtectionEnabledCheck());

    public override int Position => 6;

    private const string Cluster = "aws:rds/cluster:Cluster";

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var instance in stack.OfType("aws:rds/instance:Instance"))
        {
            yield return Decide(Controls[0], instance);
        }

        foreach (var cluster in stack.OfType(Cluster))
        {
            yield return Decide(Controls[1], cluster);
        }

        foreach (var member in stack.OfType("aws:rds/clusterInstance:ClusterInstance"))
        {
            if (stack.Targets(member, "clusterIdentifier").Any(t => t.Type == Cluster))
            {
                continue; // judged with its cluster.
            }

            yield return new CheckResult(Controls[1], member, Verdict.Unknown, "clusterIdentifier",
                member.Property("clusterIdentifier").IsUnknown && !member.PropertyDependencies.ContainsKey("clusterIdentifier")
                    ? "the member's cluster is not known before deployment"
                    : $"the member's cluster {member.Property("clusterIdentifier").String} is not in this input, so its deletion protection cannot be seen");
        }
    }

    private static CheckResult Decide(Control control, IacResource database)
    {
        var protection = database.Property("deletionProtection");
        return protection switch
        {
            { IsUnknown: true } => new(control, database, Verdict.Unknown, "deletionProtection", "deletionProtection is not known before deployment"),
            { Bool: true } => new(control, database, Verdict.Pass, string.Empty, "deletion protection is enabled"),
            { IsMissing: true } => new(control, database, Verdict.Fail, "deletionProtection", "deletionProtection is absent (defaults to false)"),
            _ => new(control, database, Verdict.Fail, "deletionProtection", $"deletionProtection is {protection}"),
        };
    }
}
