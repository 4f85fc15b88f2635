using CloudPI.Controls.Network;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// One inbound rule in any of its pulumi-aws shapes (inline <c>ingress[]</c>, SecurityGroupRule,
/// vpc.SecurityGroupIngressRule), before deployment: its values may still be unknown.
/// </summary>
internal sealed record IngressRule(string Path, IacValue Protocol, IacValue FromPort, IacValue ToPort, IReadOnlyList<IacValue> Ipv4Sources, IReadOnlyList<IacValue> Ipv6Sources)
{
    /// <summary>Inline blocks of a SecurityGroup or DefaultSecurityGroup.</summary>
    public static IEnumerable<IngressRule> Inline(IacResource group, string property = "ingress") =>
        group.Property(property).Items().Select((rule, index) => rule.IsUnknown
            ? new IngressRule($"{property}[{index}]", IacValue.Unknown, IacValue.Unknown, IacValue.Unknown, [IacValue.Unknown], [])
            : new IngressRule($"{property}[{index}]", rule["protocol"], rule["fromPort"], rule["toPort"], rule["cidrBlocks"].Items().ToList(), rule["ipv6CidrBlocks"].Items().ToList()));

    public static IngressRule FromSecurityGroupRule(IacResource rule) =>
        new(string.Empty, rule.Property("protocol"), rule.Property("fromPort"), rule.Property("toPort"),
            rule.Property("cidrBlocks").Items().ToList(), rule.Property("ipv6CidrBlocks").Items().ToList());

    public static IngressRule FromVpcIngressRule(IacResource rule) =>
        new(string.Empty, rule.Property("ipProtocol"), rule.Property("fromPort"), rule.Property("toPort"),
            [rule.Property("cidrIpv4")], [rule.Property("cidrIpv6")]);

    /// <summary>
    /// The rule as far as it is known: null when its protocol or deciding ports are not known yet; otherwise its
    /// known sources (the unknown ones may only add to them). Missing ports cannot be deployed for tcp; they read as
    /// the whole range rather than fail the check.
    /// </summary>
    public InboundRule? Known()
    {
        if (Protocol.IsUnknown)
        {
            return null;
        }

        var hasPorts = IpProtocol.Parse(Protocol.String) is { } protocol && IpProtocol.HasPorts(protocol);
        if (hasPorts && (FromPort.IsUnknown || ToPort.IsUnknown))
        {
            return null;
        }

        var sources = Ipv4Sources.Concat(Ipv6Sources).Select(s => s.String).OfType<string>().ToList();
        return new InboundRule(Path, Protocol.String, hasPorts ? FromPort.Integer : null, hasPorts ? ToPort.Integer : null, sources);
    }

    /// <summary>Whether an unknown value could still make the rule admit <paramref name="traffic"/> from more sources.</summary>
    public bool MayAdmit(TrafficQuery traffic)
    {
        if (Protocol.IsUnknown)
        {
            return true;
        }

        if (Known() is not { } known)
        {
            // Only the ports are unknown: the protocol alone says whether the rule can concern the traffic at all.
            return new InboundRule(Path, Protocol.String, null, null, []).Admits(traffic);
        }

        return known.Admits(traffic) && Ipv4Sources.Concat(Ipv6Sources).Any(s => s.IsUnknown);
    }

    /// <summary>The property that makes the rule open (public IPv4 sources first), for the finding's path.</summary>
    public string OpenPath(string ipv4Name, string ipv6Name) =>
        Join(Path, Ipv4Sources.Any(s => s.String is { } cidr && AddressSet.TryParseCidr(cidr, out var set) && set.Overlaps(AddressSet.PublicIpv4)) ? ipv4Name : ipv6Name);

    /// <summary>The property that leaves the rule undecided (or open to everything), for the finding's path.</summary>
    public string UndecidedPath(string ipv4Name, string ipv6Name) =>
        Join(Path, Ipv4Sources.Any(s => s.String == "0.0.0.0/0" || s.IsUnknown) ? ipv4Name : ipv6Name);

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
