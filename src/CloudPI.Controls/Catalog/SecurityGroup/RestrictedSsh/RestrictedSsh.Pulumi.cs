using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.SecurityGroup;
using CloudPI.Controls.Network;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// restricted-ssh before deployment, in every rule shape: inline <c>ingress</c> of a SecurityGroup or
/// DefaultSecurityGroup, SecurityGroupRule of type ingress, and vpc.SecurityGroupIngressRule. Every rule that lands on
/// one group counts together (<see cref="SecurityGroupIngress"/>), by the catalog's one reading
/// (<see cref="RestrictedSsh.AdmitsInternet"/>): every CIDR, <c>::/0</c>, <c>0.0.0.0/1</c> + <c>128.0.0.0/1</c> (in one
/// resource or two), all-traffic rules and port ranges covering 22. Each resource that declares an opening rule fails.
/// </summary>
public sealed class RestrictedSshCheck() : IacCheck(RestrictedSsh.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new RestrictedSshCheck());

    public override int Position => 2;

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var declarations = SecurityGroupIngress.Of(stack);
        var openGroups = declarations.GroupBy(d => d.Group, StringComparer.Ordinal)
            .Where(group => RestrictedSsh.AdmitsInternet(group.SelectMany(d => d.KnownRules)))
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var byResource = declarations.ToDictionary(d => d.Resource.Urn, StringComparer.Ordinal);
        foreach (var resource in stack.OfType(AwsTypes.SecurityGroup, AwsTypes.DefaultSecurityGroup, AwsTypes.SecurityGroupRule, AwsTypes.VpcIngressRule))
        {
            if (resource.Type == AwsTypes.SecurityGroupRule && resource.Property("type").IsUnknown)
            {
                yield return Unknown(resource, "type", "the rule's direction is not known before deployment");
            }
            else if (byResource.TryGetValue(resource.Urn, out var declaration))
            {
                yield return Decide(declaration, openGroups.GetValueOrDefault(declaration.Group));
            }
        }
    }

    /// <param name="openBy">How many resources declare the rules of the declaration's group when those rules, together,
    /// admit the internet on tcp/22; 0 when they do not.</param>
    private CheckResult Decide(IngressDeclaration declaration, int openBy)
    {
        var (resource, _, rules, ipv4Name, ipv6Name, target) = declaration;
        var opening = rules.FirstOrDefault(r => r.Known() is { } inbound && inbound.Admits(RestrictedSsh.Traffic) && inbound.SourceSet.Overlaps(AddressSet.PublicInternet));
        if (openBy > 0 && opening is not null)
        {
            var together = openBy > 1 && !RestrictedSsh.AdmitsInternet(declaration.KnownRules) ? ", together with the group's other rules" : string.Empty;
            return Fail(resource, opening.OpenPath(ipv4Name, ipv6Name), $"an ingress rule admits tcp/22 from the internet{target}{together}");
        }

        var undecided = rules.FirstOrDefault(r => r.MayAdmit(RestrictedSsh.Traffic));
        return undecided is not null
            ? Unknown(resource, undecided.UndecidedPath(ipv4Name, ipv6Name), $"an ingress rule's sources, protocol or ports are not known before deployment{target}")
            : Pass(resource, "no ingress rule admits tcp/22 from 0.0.0.0/0 or ::/0");
    }
}
