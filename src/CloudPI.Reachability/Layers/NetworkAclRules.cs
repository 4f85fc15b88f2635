using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>One NACL rule, parsed: an IPv4 rule matches IPv4 sources only, an IPv6 rule IPv6 sources only.</summary>
internal sealed record NaclRule(long Number, bool Allows, int Protocol, long? FromPort, long? ToPort, string Cidr, AddressSet Sources)
{
    public static NaclRule Of(NetworkAclRule rule)
    {
        var cidr = rule.CidrBlock ?? rule.Ipv6CidrBlock ?? "no source";
        AddressSet.TryParseCidr(rule.CidrBlock ?? rule.Ipv6CidrBlock, out var sources);
        return new NaclRule(
            rule.RuleNumber ?? long.MaxValue, rule.Allows, IpProtocol.Parse(rule.Protocol) ?? IpProtocol.All, rule.FromPort, rule.ToPort, cidr, sources);
    }

    public bool HasPorts => FromPort is not null && ToPort is not null;

    /// <summary>True when the rule applies to all of <paramref name="protocol"/>'s ports <paramref name="from"/>–<paramref name="to"/>.</summary>
    public bool Covers(int protocol, int from, int to) =>
        (Protocol == IpProtocol.All || Protocol == protocol)
        && (!IpProtocol.HasPorts(protocol) || !HasPorts || (FromPort <= from && ToPort >= to));
}

/// <summary>
/// A NACL's rules in evaluation order, and the first-match walk over sets of sources. Rules are stateless, so the
/// walk is done once for the inbound traffic and once for the replies.
/// </summary>
internal sealed class NetworkAclRules
{
    /// <summary>Stands for every protocol no rule names, when the question is about all traffic.</summary>
    private const int UnnamedProtocol = 256;

    private readonly long[] _inboundCuts;
    private readonly long[] _outboundCuts;

    internal NetworkAclRules(IReadOnlyList<NaclRule> inbound, IReadOnlyList<NaclRule> outbound)
    {
        Inbound = inbound;
        Outbound = outbound;
        _inboundCuts = CutsOf(inbound);
        _outboundCuts = CutsOf(outbound);
    }

    public IReadOnlyList<NaclRule> Inbound { get; }

    public IReadOnlyList<NaclRule> Outbound { get; }

    public static NetworkAclRules Of(NetworkAcl acl)
    {
        var rules = acl.Rules.Select(r => (Rule: NaclRule.Of(r), r.Egress)).OrderBy(r => r.Rule.Number).ToList();
        return new([.. rules.Where(r => !r.Egress).Select(r => r.Rule)], [.. rules.Where(r => r.Egress).Select(r => r.Rule)]);
    }

    /// <summary>The protocols a question stands for: itself, or for all traffic each protocol the rules name and one they do not.</summary>
    public IEnumerable<int> ProtocolsOf(TrafficQuery query) => query.Protocol != IpProtocol.All
        ? [query.Protocol]
        : Inbound.Concat(Outbound).Select(r => r.Protocol).Where(p => p != IpProtocol.All).Distinct().Append(UnnamedProtocol);

    /// <summary>The inbound walk (<see cref="Walk"/>) for traffic to <paramref name="fromPort"/>–<paramref name="toPort"/>.</summary>
    public NaclWalk WalkInbound(int protocol, int fromPort, int toPort, AddressSet sources) => Walk(Inbound, _inboundCuts, protocol, fromPort, toPort, sources);

    /// <summary>The outbound walk (<see cref="Walk"/>), for the replies.</summary>
    public NaclWalk WalkOutbound(int protocol, int fromPort, int toPort, AddressSet sources) => Walk(Outbound, _outboundCuts, protocol, fromPort, toPort, sources);

    /// <summary>
    /// First match wins, per source: walks <paramref name="rules"/> keeping the sources not yet decided. Port ranges
    /// are cut where rules start and end (<paramref name="cuts"/>), so within one piece a rule either covers every
    /// port or none. Loops: a NACL's walk is asked for each traffic and subnet, and a NACL can hold hundreds of rules.
    /// </summary>
    private static NaclWalk Walk(IReadOnlyList<NaclRule> rules, long[] cuts, int protocol, int fromPort, int toPort, AddressSet sources)
    {
        var admitted = AddressSet.Empty;
        var admitting = new List<NaclRule>();
        var denying = new List<NaclRule>();
        foreach (var (from, to) in PortPieces(cuts, protocol, fromPort, toPort))
        {
            var undecided = sources;
            for (var r = 0; r < rules.Count; r++)
            {
                var rule = rules[r];
                if (!rule.Covers(protocol, from, to))
                {
                    continue;
                }

                var decided = undecided.Intersect(rule.Sources);
                if (decided.IsEmpty)
                {
                    continue;
                }

                undecided = undecided.Subtract(decided);
                if (rule.Allows)
                {
                    admitted = admitted.Union(decided);
                    admitting.Add(rule);
                }
                else
                {
                    denying.Add(rule);
                }

                if (undecided.IsEmpty)
                {
                    break;
                }
            }
        }

        return new NaclWalk(admitted, [.. admitting.Distinct()], [.. denying.Distinct()]);
    }

    /// <summary>The ports replies to <paramref name="protocol"/> come back on: the client's ephemeral ports for TCP/UDP.</summary>
    public static (int From, int To) ReplyPorts(int protocol) =>
        IpProtocol.HasPorts(protocol) ? TrafficQuery.EphemeralPorts : (0, TrafficQuery.MaxPort);

    public static string ProtocolName(int protocol) => protocol == UnnamedProtocol ? "other protocols" : IpProtocol.Name(protocol);

    /// <summary>Where the rules' port ranges start and where they end (the port after each range), sorted, once each:
    /// made once per NACL, and read by every walk.</summary>
    private static long[] CutsOf(IReadOnlyList<NaclRule> rules) =>
        [.. rules.Where(r => r.HasPorts).SelectMany(r => new[] { r.FromPort!.Value, r.ToPort!.Value + 1 }).Distinct().Order()];

    /// <summary><paramref name="from"/>–<paramref name="to"/> cut at every rule's start and end inside it, in order.</summary>
    private static List<(int From, int To)> PortPieces(long[] cuts, int protocol, int from, int to)
    {
        if (!IpProtocol.HasPorts(protocol))
        {
            return [(from, to)];
        }

        var pieces = new List<(int From, int To)>();
        var start = from;
        var first = Array.BinarySearch(cuts, (long)from + 1);
        for (var i = first < 0 ? ~first : first; i < cuts.Length && cuts[i] <= to; i++)
        {
            pieces.Add((start, (int)cuts[i] - 1));
            start = (int)cuts[i];
        }

        pieces.Add((start, to));
        return pieces;
    }
}

/// <summary>What a walk let through and which rules decided it.</summary>
internal sealed record NaclWalk(AddressSet Admitted, IReadOnlyList<NaclRule> Admitting, IReadOnlyList<NaclRule> Denying);
