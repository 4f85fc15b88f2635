using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.SecurityGroup;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// The default security group of every VPC allows nothing: a DefaultSecurityGroup with no inline rules and no
/// separate rule resources aimed at it (directly or through the VPC's <c>defaultSecurityGroupId</c>), and no VPC
/// left without one (AWS's allow-all default would remain). The sample saw only inline rules of declared groups.
/// </summary>
public sealed class VpcDefaultSecurityGroupClosedCheck() : IacCheck(VpcDefaultSecurityGroupClosed.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new VpcDefaultSecurityGroupClosedCheck());

    public override int Position => 3;

    private static readonly string[] RuleTypes = [AwsTypes.SecurityGroupRule, AwsTypes.VpcIngressRule, AwsTypes.VpcEgressRule];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var group in stack.OfType(AwsTypes.DefaultSecurityGroup))
        {
            yield return DecideGroup(stack, group);
        }

        foreach (var vpc in stack.OfType(AwsTypes.Vpc, AwsTypes.DefaultVpc))
        {
            var adopted = RelatedResources.Find(stack, vpc, "vpcId", AwsTypes.DefaultSecurityGroup);
            if (adopted.Any)
            {
                continue; // the DefaultSecurityGroup's own result covers the VPC.
            }

            var rules = RelatedResources.Find(stack, vpc, "securityGroupId", RuleTypes);
            if (rules.Any)
            {
                yield return Fail(vpc, "defaultSecurityGroupId", $"rule {rules.Linked[0].Urn} opens the VPC's default security group");
            }
            else if (adopted.AnyUndecided || MayHaveUnlistedReferrers(stack, vpc))
            {
                yield return Unknown(vpc, "defaultSecurityGroupId", adopted.AnyUndecided ? "a DefaultSecurityGroup's vpcId is not known before deployment" : UnlistedResources);
            }
            else
            {
                yield return Fail(vpc, "defaultSecurityGroupId", "no DefaultSecurityGroup closes the VPC's default security group, so AWS's default (all traffic from itself, all egress) remains");
            }
        }
    }

    private CheckResult DecideGroup(IacStack stack, IacResource group)
    {
        foreach (var direction in (string[])["ingress", "egress"])
        {
            var rules = group.Property(direction).Items().ToList();
            if (rules.Any(r => r.IsKnown))
            {
                return Fail(group, $"{direction}[0]", $"the default security group declares {direction} rules");
            }

            if (rules.Any(r => r.IsUnknown))
            {
                return Unknown(group, direction, $"its {direction} rules are not known before deployment");
            }
        }

        var vpcs = stack.Targets(group, "vpcId").ToList();
        var separate = vpcs.Prepend(group)
            .Select(target => RelatedResources.Find(stack, target, "securityGroupId", RuleTypes))
            .ToList();
        var linked = separate.SelectMany(r => r.Linked).FirstOrDefault();
        if (linked is not null)
        {
            return Fail(group, string.Empty, $"rule {linked.Urn} adds a rule to the default security group");
        }

        if (separate.Any(r => r.AnyUndecided))
        {
            return Unknown(group, string.Empty, "a security group rule's target group is not known before deployment");
        }

        return MayHaveUnlistedReferrers(stack, group)
            ? Unknown(group, string.Empty, UnlistedResources)
            : Pass(group, "no inline rules and no rule resources target it");
    }
}
