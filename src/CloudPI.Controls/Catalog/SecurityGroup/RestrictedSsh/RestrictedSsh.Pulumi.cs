using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.SecurityGroup;
using CloudPI.Controls.Network;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// restricted-ssh before deployment, in every rule shape: inline <c>ingress</c> of a SecurityGroup or
/// DefaultSecurityGroup, SecurityGroupRule of type ingress, and vpc.SecurityGroupIngressRule. The rules of one
/// resource count together, by the catalog's one reading (<see cref="RestrictedSsh.AdmitsInternet"/>): every CIDR,
/// <c>::/0</c>, <c>0.0.0.0/1</c> + <c>128.0.0.0/1</c>, all-traffic rules and port ranges covering 22.
/// </summary>
public sealed class RestrictedSshCheck() : IacCheck(RestrictedSsh.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new RestrictedSshCheck());

    public override int Position => 2;

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var group in stack.OfType(AwsTypes.SecurityGroup, AwsTypes.DefaultSecurityGroup))
        {
            yield return Decide(group, IngressRule.Inline(group).ToList(), "cidrBlocks", "ipv6CidrBlocks", string.Empty);
        }

        foreach (var rule in stack.OfType(AwsTypes.SecurityGroupRule))
        {
            var type = rule.Property("type");
            if (type.IsUnknown)
            {
                yield return Unknown(rule, "type", "the rule's direction is not known before deployment");
            }
            else if (type.String == "ingress")
            {
                yield return Decide(rule, [IngressRule.FromSecurityGroupRule(rule)], "cidrBlocks", "ipv6CidrBlocks", TargetGroup(stack, rule));
            }
        }

        foreach (var rule in stack.OfType(AwsTypes.VpcIngressRule))
        {
            yield return Decide(rule, [IngressRule.FromVpcIngressRule(rule)], "cidrIpv4", "cidrIpv6", TargetGroup(stack, rule));
        }
    }

    private CheckResult Decide(IacResource resource, IReadOnlyList<IngressRule> rules, string ipv4Name, string ipv6Name, string target)
    {
        var known = rules.Select(rule => (Rule: rule, Inbound: rule.Known())).Where(r => r.Inbound is not null).ToList();
        if (RestrictedSsh.AdmitsInternet(known.Select(r => r.Inbound!)))
        {
            var open = known.First(r => r.Inbound!.Admits(RestrictedSsh.Traffic) && r.Inbound.SourceSet.Overlaps(AddressSet.PublicInternet)).Rule;
            return Fail(resource, open.OpenPath(ipv4Name, ipv6Name), $"an ingress rule admits tcp/22 from the internet{target}");
        }

        var undecided = rules.FirstOrDefault(r => r.MayAdmit(RestrictedSsh.Traffic));
        return undecided is not null
            ? Unknown(resource, undecided.UndecidedPath(ipv4Name, ipv6Name), $"an ingress rule's sources, protocol or ports are not known before deployment{target}")
            : Pass(resource, "no ingress rule admits tcp/22 from 0.0.0.0/0 or ::/0");
    }

    /// <summary>Names the security group a separate rule opens, so the finding points at what is exposed.</summary>
    private static string TargetGroup(IacStack stack, IacResource rule)
    {
        var name = stack.Targets(rule, "securityGroupId").FirstOrDefault()?.Urn ?? rule.Property("securityGroupId").String;
        return name is null ? string.Empty : $" (security group {name})";
    }
}
