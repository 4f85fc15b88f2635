using CloudPI.Controls.Network;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// The inbound rules a stack declares, gathered per security group as AWS applies them: a group's inline
/// <c>ingress</c> and every SecurityGroupRule of type ingress and vpc.SecurityGroupIngressRule that targets it count
/// together, so a check judges the group's rules as one set (<c>0.0.0.0/1</c> in one rule resource and
/// <c>128.0.0.0/1</c> in another is the whole IPv4 internet), as the Cartography graph shows them.
/// </summary>
internal static class SecurityGroupIngress
{
    /// <summary>
    /// Every resource that declares inbound rules, in the stack's order (groups, SecurityGroupRules of type ingress,
    /// vpc.SecurityGroupIngressRules), each with the group its rules land on: the group resource of the stack it
    /// targets, else the group id it names (a group outside the stack), else the rule alone (its target is not known
    /// before deployment).
    /// </summary>
    public static IReadOnlyList<IngressDeclaration> Of(IacStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var groups = stack.OfType(AwsTypes.SecurityGroup, AwsTypes.DefaultSecurityGroup)
            .Select(group => new IngressDeclaration(group, group.Urn, [.. IngressRule.Inline(group)], "cidrBlocks", "ipv6CidrBlocks", string.Empty));
        var rules = stack.OfType(AwsTypes.SecurityGroupRule).Where(r => r.Property("type").String == "ingress")
            .Select(rule => new IngressDeclaration(rule, GroupOf(stack, rule), [IngressRule.FromSecurityGroupRule(rule)], "cidrBlocks", "ipv6CidrBlocks", TargetGroup(stack, rule)));
        var vpcRules = stack.OfType(AwsTypes.VpcIngressRule)
            .Select(rule => new IngressDeclaration(rule, GroupOf(stack, rule), [IngressRule.FromVpcIngressRule(rule)], "cidrIpv4", "cidrIpv6", TargetGroup(stack, rule)));
        return [.. groups.Concat(rules).Concat(vpcRules)];
    }

    private static string GroupOf(IacStack stack, IacResource rule) =>
        stack.Targets(rule, "securityGroupId").FirstOrDefault()?.Urn ?? rule.Property("securityGroupId").String ?? rule.Urn;

    /// <summary>Names the security group a separate rule opens, so the finding points at what is exposed.</summary>
    private static string TargetGroup(IacStack stack, IacResource rule)
    {
        var name = stack.Targets(rule, "securityGroupId").FirstOrDefault()?.Urn ?? rule.Property("securityGroupId").String;
        return name is null ? string.Empty : $" (security group {name})";
    }
}

/// <summary>
/// The inbound rules one resource declares: a group's inline rules or one separate rule resource, the group they land
/// on (<see cref="Group"/>: the same for every declaration whose rules AWS applies together), the names of its source
/// properties (for the finding's path) and, for a separate rule, a phrase naming the group it targets.
/// </summary>
internal sealed record IngressDeclaration(IacResource Resource, string Group, IReadOnlyList<IngressRule> Rules, string Ipv4Name, string Ipv6Name, string Target)
{
    /// <summary>The known rules (<see cref="IngressRule.Known"/>); an unknown value may only add to them.</summary>
    public IEnumerable<InboundRule> KnownRules => Rules.Select(rule => rule.Known()).OfType<InboundRule>();
}
