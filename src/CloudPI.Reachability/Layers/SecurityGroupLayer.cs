using System.Collections.Concurrent;
using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// Security groups facing the internet: the union of the public sources of every rule, in every group, that admits
/// the traffic. Open to the internet only when that union covers all public IPv4 or IPv6 (0.0.0.0/1 + 128.0.0.0/1
/// counts); private ranges and group references are not internet; a rule whose source is not in the graph is unknown.
/// </summary>
internal sealed class SecurityGroupLayer(SecurityGroupRules rules)
{
    // Endpoints share a few group sets: their outcome (and its evidence) is decided once per set and traffic.
    private readonly ConcurrentDictionary<(GroupSet Groups, TrafficQuery Query), LayerOutcome> _fromInternet = new(Environment.ProcessorCount * 4, 256);
    // A balancer's targets share a few group sets too: decided once per set, traffic and what the balancer passes on.
    private readonly ConcurrentDictionary<(GroupSet Groups, TrafficQuery Query, BalancerSource Balancer), LayerOutcome> _fromBalancer = new(Environment.ProcessorCount * 4, 256);

    /// <summary>A set of groups as a dictionary key: most endpoints have one to three groups, told apart without building a string.</summary>
    private readonly record struct GroupSet(int Count, int First, int Second, int Third, string? All)
    {
        public static GroupSet Of(IReadOnlyList<SecurityGroup> groups) => groups.Count switch
        {
            1 => new(1, groups[0].Node.Index, -1, -1, null),
            2 => new(2, groups[0].Node.Index, groups[1].Node.Index, -1, null),
            3 => new(3, groups[0].Node.Index, groups[1].Node.Index, groups[2].Node.Index, null),
            _ => new(groups.Count, -1, -1, -1, string.Join('+', groups.Select(g => g.Node.Index))),
        };
    }

    public LayerOutcome FromInternet(IReadOnlyList<SecurityGroup> groups, TrafficQuery query, string resourceId)
    {
        if (groups.Count == 0)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.SecurityGroup, resourceId, $"no security group ingested for {resourceId}");
        }

        return _fromInternet.GetOrAdd((GroupSet.Of(groups), query), static (key, state) => state.Layer.Decide(state.Groups, key.Query), (Layer: this, Groups: groups));
    }

    private LayerOutcome Decide(IReadOnlyList<SecurityGroup> groups, TrafficQuery query)
    {
        var groupIds = string.Join("+", groups.Select(g => NetworkTopology.IdOf(g.Node)));
        var admitting = rules.Admitting(groups, query);
        var open = admitting.Where(r => !r.PublicSources.IsEmpty).ToList();
        var unknown = admitting.Where(r => !r.HasIngestedSource).ToList();
        var definite = open.Aggregate(AddressSet.Empty, (set, r) => set.Union(r.PublicSources));
        var hop = $"{(open.Count > 0 ? string.Join("+", open.Select(r => r.GroupId).Distinct()) : groupIds)} {query}";
        var evidence = new List<EvidenceStep>();
        evidence.AddRange(open.Select((r, i) => new EvidenceStep(
            ReachabilityLayer.SecurityGroup, r.GroupId, EvidenceDecision.Allows,
            $"inbound rule {r.Description} admits {query} from {string.Join(", ", r.PublicCidrs)}", i == 0 ? hop : null)));
        evidence.AddRange(unknown.Select((r, i) => new EvidenceStep(
            ReachabilityLayer.SecurityGroup, r.GroupId, EvidenceDecision.Unknown,
            $"inbound rule {r.Description} admits {query} from a source the graph does not hold", open.Count == 0 && i == 0 ? hop : null)));
        evidence.AddRange(admitting.Where(r => r.IsReferenceOnly).Select(ReferenceNote));
        if (open.Count == 0 && unknown.Count == 0)
        {
            var privateOnly = admitting.SelectMany(r => r.Cidrs.Select(c => $"{r.GroupId} {r.Description} from {c}"))
                .Concat(admitting.Where(r => r.IsReferenceOnly).Select(r => $"{r.GroupId} {r.Description} from the members of {string.Join(", ", r.ReferenceIds)}"))
                .ToList();
            evidence.Add(new EvidenceStep(ReachabilityLayer.SecurityGroup, groupIds, EvidenceDecision.Denies, privateOnly.Count > 0
                ? $"{query} is admitted only from non-public sources: {string.Join("; ", privateOnly)}"
                : $"no inbound rule of {groupIds} admits {query}", hop));
        }

        return new LayerOutcome(definite, unknown.Count > 0 ? AddressSet.All : definite, evidence)
        {
            Missing = [.. unknown.Select(MissingSource)],
            Fixes = open.Count == 0 ? [] :
            [
                new FixCandidate(ReachabilityLayer.SecurityGroup, string.Join("; ", open.Select(r =>
                    $"remove {string.Join(", ", r.PublicCidrs)} from {r.GroupId}'s inbound rule {r.Description}"))),
            ],
        };
    }

    /// <summary>
    /// A target's groups admitting traffic from a balancer: a reference to one of the balancer's groups, a CIDR that
    /// covers one of its subnets, or (for balancers that keep the client's address) the internet sources themselves.
    /// </summary>
    public LayerOutcome FromBalancer(IReadOnlyList<SecurityGroup> groups, TrafficQuery query, BalancerSource balancer, string targetId)
    {
        if (groups.Count == 0)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.SecurityGroup, targetId, $"no security group ingested for {targetId}");
        }

        return _fromBalancer.GetOrAdd((GroupSet.Of(groups), query, balancer), static (key, state) => state.Layer.DecideFromBalancer(state.Groups, key.Query, key.Balancer), (Layer: this, Groups: groups));
    }

    private LayerOutcome DecideFromBalancer(IReadOnlyList<SecurityGroup> groups, TrafficQuery query, BalancerSource balancer)
    {
        var groupIds = string.Join("+", groups.Select(g => NetworkTopology.IdOf(g.Node)));
        var admitting = rules.Admitting(groups, query);
        var reasons = new List<(SecurityGroupRuleEntry Rule, string Why, string Fix)>();
        var unexplained = new List<SecurityGroupRuleEntry>();
        foreach (var rule in admitting)
        {
            if (rule.IsReferenceOnly)
            {
                var references = rule.ReferenceIds.Where(balancer.GroupIds.Contains).ToList();
                if (references.Count > 0)
                {
                    reasons.Add((rule, $"inbound rule {rule.Description} references {string.Join(", ", references)}, {balancer.Name}'s security group (read from {rule.GroupId}'s ALLOWS_TRAFFIC_FROM: the rule has no IP range)",
                        $"remove {string.Join(", ", references)} from {rule.GroupId}'s inbound rule {rule.Description}"));
                }
            }
            else if (!rule.HasIngestedSource)
            {
                unexplained.Add(rule);
            }
            else if (!balancer.KeepsClientAddress && balancer.SubnetCidrs.FirstOrDefault(rule.Sources.Covers) is { } covered)
            {
                var covering = rule.Cidrs.Where(c => AddressSet.TryParseCidr(c, out var cidr) && cidr.Overlaps(covered));
                reasons.Add((rule, $"inbound rule {rule.Description} from {string.Join(", ", rule.Cidrs)} covers {balancer.Name}'s subnet {covered}",
                    $"remove {string.Join(", ", covering)} from {rule.GroupId}'s inbound rule {rule.Description}"));
            }
        }

        var clientSources = balancer.KeepsClientAddress
            ? admitting.Aggregate(AddressSet.Empty, (set, r) => set.Union(r.PublicSources))
            : AddressSet.Empty;
        var definite = reasons.Count > 0 ? AddressSet.All : clientSources;
        var evidence = reasons.Select((r, i) => new EvidenceStep(ReachabilityLayer.SecurityGroup, r.Rule.GroupId, EvidenceDecision.Allows, r.Why, i == 0 ? groupIds : null)).ToList();
        if (reasons.Count == 0 && !clientSources.IsEmpty)
        {
            evidence.Add(new EvidenceStep(ReachabilityLayer.SecurityGroup, groupIds, EvidenceDecision.Allows,
                $"{balancer.Name} keeps the client's address and {groupIds} admits {query} from {clientSources.Describe()}", groupIds));
        }

        evidence.AddRange(unexplained.Select(r => new EvidenceStep(ReachabilityLayer.SecurityGroup, r.GroupId, EvidenceDecision.Unknown,
            $"inbound rule {r.Description} admits {query} from a source the graph does not hold", evidence.Count == 0 ? groupIds : null)));
        if (evidence.Count == 0)
        {
            evidence.Add(new EvidenceStep(ReachabilityLayer.SecurityGroup, groupIds, EvidenceDecision.Denies,
                $"no inbound rule of {groupIds} admits {query} from {balancer.Name} (its groups {string.Join(", ", balancer.GroupIds)}, its subnets {string.Join(", ", balancer.SubnetCidrs)})", groupIds));
        }

        return new LayerOutcome(definite, unexplained.Count > 0 ? AddressSet.All : definite, evidence)
        {
            Missing = [.. unexplained.Select(MissingSource)],
            Fixes = reasons.Count == 0 ? [] : [new FixCandidate(ReachabilityLayer.Target, string.Join("; ", reasons.Select(r => r.Fix).Distinct()))],
        };
    }

    private static string MissingSource(SecurityGroupRuleEntry rule) =>
        $"the source of {rule.GroupId}'s inbound rule {rule.Description}: it has no IP range and its group references no group (IPv6 ranges and prefix lists are not ingested by Cartography)";

    private static EvidenceStep ReferenceNote(SecurityGroupRuleEntry rule) => new(
        ReachabilityLayer.SecurityGroup,
        rule.GroupId,
        EvidenceDecision.Note,
        $"inbound rule {rule.Description} has no IP range in the graph; read as {rule.GroupId}'s reference to {string.Join(", ", rule.ReferenceIds)} (Cartography keeps group references per group, without ports): only members of {(rule.ReferenceIds.Count == 1 ? "that group" : "those groups")} are admitted, not the internet");
}

/// <summary>What a target sees of a balancer: its groups and subnets, and whether it passes on the client's address.</summary>
internal sealed record BalancerSource(string Name, IReadOnlySet<string> GroupIds, IReadOnlyList<AddressSet> SubnetCidrs, bool KeepsClientAddress)
{
    /// <summary>Why the target does or does not see the client's address, for the evidence.</summary>
    public string ClientAddressReason { get; init; } = "";

    /// <summary>The balancer's subnets as one set: what arrives at a target from its own addresses, asked for every target.</summary>
    public AddressSet SubnetRanges { get; } = SubnetCidrs.Aggregate(AddressSet.Empty, (set, c) => set.Union(c));
}
