using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// One inbound rule in any of its pulumi-aws shapes (inline <c>ingress[]</c>, SecurityGroupRule,
/// vpc.SecurityGroupIngressRule), normalised to protocol, port range and sources.
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

    /// <summary>Whether the rule admits tcp/22 from 0.0.0.0/0 or ::/0; null when an unknown value decides.</summary>
    public bool? OpensSshToInternet()
    {
        var open = OpenToInternet();
        var ssh = CoversSsh();
        if (open == false || ssh == false)
        {
            return false;
        }

        return open == true && ssh == true ? true : null;
    }

    /// <summary>The property that makes the rule open (or undecided), for the finding's path.</summary>
    public string SourcePath(string ipv4Name, string ipv6Name) =>
        Join(Path, Ipv4Sources.Any(s => s.String == "0.0.0.0/0" || s.IsUnknown) ? ipv4Name : ipv6Name);

    private bool? OpenToInternet()
    {
        if (Ipv4Sources.Any(s => s.String == "0.0.0.0/0") || Ipv6Sources.Any(s => s.String == "::/0"))
        {
            return true;
        }

        return Ipv4Sources.Concat(Ipv6Sources).Any(s => s.IsUnknown) ? null : false;
    }

    private bool? CoversSsh()
    {
        if (Protocol.IsUnknown)
        {
            return null;
        }

        switch (Protocol.String?.ToLowerInvariant())
        {
            case "-1" or "all":
                return true;
            case "tcp" or "6":
                if (FromPort.IsUnknown || ToPort.IsUnknown)
                {
                    return null;
                }

                // Missing ports cannot be deployed for tcp; treat them as the whole range rather than fail on them.
                return (FromPort.Integer ?? 0) <= 22 && 22 <= (ToPort.Integer ?? 65535);
            default:
                return false;
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
