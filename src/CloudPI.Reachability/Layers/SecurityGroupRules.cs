using System.Globalization;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// One inbound security-group rule, parsed. Cartography keeps a rule's IP ranges with the rule but its group
/// references only per group (<c>ALLOWS_TRAFFIC_FROM</c>, no ports), and drops IPv6 ranges and prefix
/// lists. So a rule with no range, in a group that references groups, is read as those references
/// (<see cref="References"/>); with neither, its source is unknown.
/// </summary>
internal sealed record SecurityGroupRuleEntry(
    SecurityGroup Group, string Description, int Protocol, long? FromPort, long? ToPort, AddressSet Sources, IReadOnlyList<string> Cidrs)
{
    public string GroupId => NetworkTopology.IdOf(Group.Node);

    /// <summary>For a rule with no range: the groups its group references, taken as this rule's sources (an assumption the evidence states).</summary>
    public IReadOnlyList<SecurityGroup> References { get; init; } = [];

    public IReadOnlyList<string> ReferenceIds => [.. References.Select(g => NetworkTopology.IdOf(g.Node))];

    /// <summary>True when the graph explains where the rule admits traffic from: ranges, or group references.</summary>
    public bool HasIngestedSource => Cidrs.Count > 0 || References.Count > 0;

    /// <summary>A rule read as group references: its sources are the members of those groups, never the internet.</summary>
    public bool IsReferenceOnly => Cidrs.Count == 0 && References.Count > 0;

    public AddressSet PublicSources { get; } = Sources.Intersect(AddressSet.PublicInternet);

    public IReadOnlyList<string> PublicCidrs => [.. Cidrs.Where(c => AddressSet.TryParseCidr(c, out var set) && set.Overlaps(AddressSet.PublicInternet))];

    public static SecurityGroupRuleEntry Of(SecurityGroup group, SecurityGroupRule rule)
    {
        var protocol = IpProtocol.Parse(rule.Protocol) ?? IpProtocol.All;
        var cidrs = rule.Ranges.Select(r => r.Cidr).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return new SecurityGroupRuleEntry(group, Describe(protocol, rule.FromPort, rule.ToPort), protocol, rule.FromPort, rule.ToPort, AddressSet.FromCidrs(cidrs), cidrs)
        {
            References = cidrs.Count == 0 ? [.. group.AllowsTrafficFrom.Distinct().OrderBy(g => NetworkTopology.IdOf(g.Node), StringComparer.Ordinal)] : [],
        };
    }

    public bool Admits(TrafficQuery query) => query.Overlaps(Protocol, FromPort, ToPort);

    /// <summary><c>tcp/22-22</c>, <c>all traffic</c>, <c>icmp</c>: how the console lists a rule's traffic.</summary>
    private static string Describe(int protocol, long? from, long? to) => protocol switch
    {
        IpProtocol.All => "all traffic",
        _ when !IpProtocol.HasPorts(protocol) => IpProtocol.Name(protocol),
        _ when from is null || to is null => IpProtocol.Name(protocol) + "/all",
        _ => string.Create(CultureInfo.InvariantCulture, $"{IpProtocol.Name(protocol)}/{from}-{to}"),
    };
}

/// <summary>Inbound rules per security group, parsed once.</summary>
internal sealed class SecurityGroupRules
{
    private readonly NodeMemo<IReadOnlyList<SecurityGroupRuleEntry>> _inbound = new();

    // A static lambda, made once: one over the group would allocate its closure and delegate on every look-up.
    public IReadOnlyList<SecurityGroupRuleEntry> InboundOf(SecurityGroup group) =>
        _inbound.GetOrAdd(group.Node, static node => Parse(SecurityGroup.Wrap(node)));

    private static List<SecurityGroupRuleEntry> Parse(SecurityGroup group) => [.. group.InboundRules.Select(r => SecurityGroupRuleEntry.Of(group, r))];

    /// <summary>Inbound rules of <paramref name="groups"/> that admit some of <paramref name="query"/>; groups are additive.</summary>
    public List<SecurityGroupRuleEntry> Admitting(IEnumerable<SecurityGroup> groups, TrafficQuery query) =>
        [.. groups.SelectMany(InboundOf).Where(r => r.Admits(query))];
}
