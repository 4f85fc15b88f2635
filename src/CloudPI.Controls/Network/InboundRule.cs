namespace CloudPI.Controls.Network;

/// <summary>
/// One inbound security group rule as every source spells it (a Cartography rule node, a Pulumi <c>ingress</c>
/// block, a SecurityGroupRule or vpc.SecurityGroupIngressRule resource): its protocol as written (<c>tcp</c>,
/// <c>6</c>, <c>-1</c>...), its port range (null: all ports) and its source CIDRs of both families.
/// </summary>
public sealed record InboundRule(string Name, string? Protocol, long? FromPort, long? ToPort, IReadOnlyList<string> Sources)
{
    /// <summary>Whether the rule's protocol and ports admit some of <paramref name="traffic"/>; a protocol that names nothing admits nothing.</summary>
    public bool Admits(TrafficQuery traffic) => IpProtocol.Parse(Protocol) is { } protocol && traffic.Overlaps(protocol, FromPort, ToPort);

    /// <summary>The rule's sources as one address set (unparseable entries add nothing).</summary>
    public AddressSet SourceSet => AddressSet.FromCidrs(Sources);
}

/// <summary>
/// "Do these inbound rules admit the internet on this traffic?": the one answer restricted-ssh and its kin give on
/// every evaluator. Rules count together, as AWS unites a group's rules: <c>0.0.0.0/1</c> in one rule and
/// <c>128.0.0.0/1</c> in another admit every IPv4 address just as <c>0.0.0.0/0</c> does.
/// </summary>
public static class InternetIngress
{
    /// <summary>The rules whose protocol and ports admit some of <paramref name="traffic"/>, in their order.</summary>
    public static IReadOnlyList<InboundRule> Admitting(IEnumerable<InboundRule> rules, TrafficQuery traffic)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.Where(rule => rule.Admits(traffic))];
    }

    /// <summary>Every source the admitting rules let in, together.</summary>
    public static AddressSet Sources(IEnumerable<InboundRule> admitting)
    {
        ArgumentNullException.ThrowIfNull(admitting);
        return admitting.Aggregate(AddressSet.Empty, (set, rule) => set.Union(rule.SourceSet));
    }

    /// <summary>True when the rules together admit every public address of one family on <paramref name="traffic"/>.</summary>
    public static bool AdmitsInternet(IEnumerable<InboundRule> rules, TrafficQuery traffic) =>
        Sources(Admitting(rules, traffic)).CoversInternet;
}
