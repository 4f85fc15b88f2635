using System.Collections.Concurrent;
using System.Globalization;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// The subnet's network ACL: inbound rules in number order, first match wins, over the set of internet sources; then
/// the stateless return path, where outbound rules must let replies reach some of the admitted sources.
/// </summary>
internal sealed class NetworkAclLayer(NetworkTopology topology)
{
    private readonly ConcurrentDictionary<GraphNode, (NetworkAcl? Acl, LayerOutcome Choice)> _aclOfSubnet = new();
    private readonly ConcurrentDictionary<GraphNode, NetworkAclRules> _rules = new();
    private readonly ConcurrentDictionary<(GraphNode Acl, TrafficQuery Query, AddressSet Sources), LayerOutcome> _decisions = new();

    /// <summary>The subnet's NACL for traffic from the internet.</summary>
    public LayerOutcome Evaluate(Subnet subnet, TrafficQuery query) => Evaluate(subnet, query, AddressSet.PublicInternet);

    /// <summary>The subnet's NACL for traffic from <paramref name="sources"/> (a balancer's subnets, or the internet).</summary>
    public LayerOutcome Evaluate(Subnet subnet, TrafficQuery query, AddressSet sources)
    {
        // Static lambdas over explicit state: lambdas over the subnet and the NACL allocated their closure on every path.
        var (acl, choice) = _aclOfSubnet.GetOrAdd(subnet.Node, static (_, state) => state.Layer.Choose(state.Subnet), (Layer: this, Subnet: subnet));
        return acl is { } chosen
            ? choice.Then(_decisions.GetOrAdd((chosen.Node, query, sources), static (key, state) => state.Layer.Decide(state.Acl, key.Query, key.Sources), (Layer: this, Acl: chosen)))
            : choice;
    }

    /// <summary>
    /// The subnet's NACL edge, else the VPC's default NACL: Cartography keeps one subnet edge per NACL, and
    /// every subnet has exactly one NACL. Unknown only when no NACL at all was ingested for the VPC.
    /// </summary>
    private (NetworkAcl?, LayerOutcome) Choose(Subnet subnet)
    {
        var subnetId = NetworkTopology.IdOf(subnet.Node);
        foreach (var acl in subnet.NetworkAcls)
        {
            return (acl, LayerOutcome.Open());
        }

        if (topology.VpcOf(subnet) is not { } vpc)
        {
            return (null, LayerOutcome.Unknown(ReachabilityLayer.NetworkAcl, subnetId, $"no VPC ingested for subnet {subnetId}, so its network ACL is unknown"));
        }

        var vpcId = NetworkTopology.IdOf(vpc.Node);
        var acls = vpc.NetworkAcls.ToList();
        if (acls.Count == 0)
        {
            return (null, LayerOutcome.Unknown(ReachabilityLayer.NetworkAcl, vpcId, $"no network ACL ingested for {vpcId}"));
        }

        var defaults = acls.Where(a => a.IsDefault).Select(a => (NetworkAcl?)a).FirstOrDefault();
        if (defaults is not { } defaultAcl)
        {
            return (null, LayerOutcome.Unknown(
                ReachabilityLayer.NetworkAcl, vpcId, $"{subnetId} has no network ACL edge and no default network ACL was ingested for {vpcId}"));
        }

        var aclId = NetworkTopology.IdOf(defaultAcl.Node);
        return (defaultAcl, LayerOutcome.Open(new EvidenceStep(
            ReachabilityLayer.NetworkAcl,
            aclId,
            EvidenceDecision.Note,
            $"{subnetId} has no network ACL edge; using {vpcId}'s default network ACL {aclId} (Cartography keeps one subnet edge per NACL)")));
    }

    private LayerOutcome Decide(NetworkAcl acl, TrafficQuery query, AddressSet sources)
    {
        var aclId = NetworkTopology.IdOf(acl.Node);
        var rules = _rules.GetOrAdd(acl.Node, _ => NetworkAclRules.Of(acl));
        // Every NACL has at least its catch-all rule each way: none means the rules were not ingested.
        if (rules.Inbound.Count == 0 || rules.Outbound.Count == 0)
        {
            return LayerOutcome.Unknown(
                ReachabilityLayer.NetworkAcl, aclId, $"no {(rules.Inbound.Count == 0 ? "inbound" : "outbound")} rules ingested for {aclId}", aclId);
        }

        var admitted = AddressSet.Empty;
        var inboundAdmitting = new List<NaclRule>();
        var outboundAdmitting = new List<NaclRule>();
        var blocking = new List<(string Hop, string Reason)>();
        foreach (var protocol in rules.ProtocolsOf(query))
        {
            var inbound = rules.WalkInbound(protocol, query.FromPort, query.ToPort, sources);
            var (replyFrom, replyTo) = NetworkAclRules.ReplyPorts(protocol);
            var replies = rules.WalkOutbound(protocol, replyFrom, replyTo, inbound.Admitted);
            admitted = admitted.Union(replies.Admitted);
            if (!replies.Admitted.IsEmpty)
            {
                inboundAdmitting.AddRange(inbound.Admitting);
                outboundAdmitting.AddRange(replies.Admitting);
            }
            else
            {
                blocking.Add(WhyClosed(aclId, protocol, query, inbound, replies, sources.Equals(AddressSet.PublicInternet) ? "internet sources" : sources.Describe()));
            }
        }

        if (admitted.IsEmpty)
        {
            return LayerOutcome.Closed(new EvidenceStep(
                ReachabilityLayer.NetworkAcl, aclId, EvidenceDecision.Denies, string.Join("; ", blocking.Select(b => b.Reason)), blocking[0].Hop));
        }

        var firstAllow = inboundAdmitting.Min(r => r.Number);
        var reason = $"inbound {Describe(inboundAdmitting.Distinct())} let {query} in from {admitted.Describe()}; outbound {Describe(outboundAdmitting.Distinct())} let the replies out";
        return new LayerOutcome(admitted, admitted, [new EvidenceStep(ReachabilityLayer.NetworkAcl, aclId, EvidenceDecision.Allows, reason, Hop(aclId, firstAllow))])
        {
            Fixes = [new FixCandidate(ReachabilityLayer.NetworkAcl, $"add an inbound rule to {aclId} numbered below {firstAllow} that denies {query} from 0.0.0.0/0")],
        };
    }

    /// <summary>Why one protocol cannot pass, and the hop that names the blocking rule.</summary>
    private static (string Hop, string Reason) WhyClosed(string aclId, int protocol, TrafficQuery query, NaclWalk inbound, NaclWalk replies, string sources)
    {
        var traffic = query.Protocol == IpProtocol.All ? NetworkAclRules.ProtocolName(protocol) : query.ToString();
        if (inbound.Admitted.IsEmpty)
        {
            return inbound.Denying.Count == 0
                ? (aclId, $"no inbound rule of {aclId} matches {traffic} from {sources}")
                : (Hop(aclId, inbound.Denying[0].Number), $"inbound {Describe(inbound.Denying)} deny {traffic} from {sources} before any allow");
        }

        var (from, to) = NetworkAclRules.ReplyPorts(protocol);
        var replyTraffic = new TrafficQuery(protocol, from, to);
        var hop = replies.Denying.Count == 0 ? $"{aclId} egress" : $"{aclId} egress#{replies.Denying[0].Number.ToString(CultureInfo.InvariantCulture)}";
        return (hop, $"inbound {Describe(inbound.Admitting)} admit {traffic}, but outbound rules do not let the replies ({replyTraffic}) back to {inbound.Admitted.Describe()}"
            + (replies.Denying.Count == 0 ? "" : $" (outbound {Describe(replies.Denying)} deny them)"));
    }

    private static string Hop(string aclId, long ruleNumber) => string.Create(CultureInfo.InvariantCulture, $"{aclId}#{ruleNumber}");

    private static string Describe(IEnumerable<NaclRule> rules) => string.Join(", ", rules.Select(r => string.Create(
        CultureInfo.InvariantCulture, $"rule #{r.Number} ({(r.Allows ? "allow" : "deny")} {IpProtocol.Name(r.Protocol)}{Ports(r)} {r.Cidr})")));

    private static string Ports(NaclRule rule) => rule.HasPorts && IpProtocol.HasPorts(rule.Protocol)
        ? string.Create(CultureInfo.InvariantCulture, $" {rule.FromPort}-{rule.ToPort}")
        : "";
}
