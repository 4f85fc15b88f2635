using System.Collections.Concurrent;
using System.Globalization;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// The internet to a target through a balancer: the balancer's listener path (shared by all its targets), the
/// <c>EXPOSE</c> edge's target port, the target's state, and the target's groups admitting the balancer.
/// </summary>
internal sealed class BalancerPaths(EndpointResolver endpoints, DirectPaths direct, SecurityGroupLayer groups, NetworkAclLayer acls)
{
    private readonly ConcurrentDictionary<(GraphNode Balancer, int Listener), PathTrace> _listenerPaths = new();
    // A balancer's groups and subnet ranges, read once for its thousands of targets.
    private readonly ConcurrentDictionary<(GraphNode Balancer, int Listener), BalancerSource> _sources = new();
    // Which listeners forward to a target port, and the path through them: the same for every target on that port.
    private readonly ConcurrentDictionary<(GraphNode Balancer, long? Port), ListenerChoice> _choices = new();

    /// <summary>The listeners that may forward to one target port: the most open one's path (with a note or an unknown
    /// when the graph cannot tell which listener it is) and the first candidate, whose balancer type and groups apply.</summary>
    private sealed record ListenerChoice(PathTrace Best, LayerOutcome? Ambiguity, int First);

    /// <summary>One path per <c>EXPOSE</c> edge into the target whose port meets <paramref name="query"/>.</summary>
    public IEnumerable<PathTrace> Traces(BalancerTarget target, TrafficQuery query, SecurityGroup? onlyGroup = null)
    {
        var targetGroups = onlyGroup is { } only ? [.. target.Groups.Where(g => g == only)] : target.Groups;
        if (onlyGroup is not null && targetGroups.Count == 0)
        {
            yield break;
        }

        foreach (var exposure in ExposuresOf(target))
        {
            var port = TargetPortOf(exposure);
            var targetQuery = port is { } p ? query.Within(TrafficQuery.Tcp((int)p)) : query;
            if (targetQuery is { } traffic)
            {
                yield return Through(exposure, port, target, targetGroups, traffic);
            }
        }
    }

    /// <summary>Target ports a balancer forwards to: the candidates of an any-traffic question.</summary>
    public IEnumerable<TrafficQuery> TargetPorts(BalancerTarget target) => ExposuresOf(target)
        .Select(e => TargetPortOf(e) is { } port ? TrafficQuery.Tcp((int)port) : TrafficQuery.AnyTraffic);

    /// <summary>The edge's port; classic ELB edges carry none, but their listeners name the instance port.</summary>
    private long? TargetPortOf(GraphRelationship exposure)
    {
        if (exposure.Properties.GetLong("port") is { } port)
        {
            return port;
        }

        var instancePorts = endpoints.EndpointsOf(exposure.Start).Select(l => l.ForwardsToPort).OfType<long>().Distinct().ToList();
        return instancePorts.Count == 1 ? instancePorts[0] : null;
    }

    /// <summary>Data edges only: Cartography's analysis also writes <c>EXPOSE {exposure_type}</c> from its own verdicts.</summary>
    private static IEnumerable<GraphRelationship> ExposuresOf(BalancerTarget target) => ExposuresOf(target.ExposedNodes);

    /// <summary>True when some balancer forwards to <paramref name="exposedNode"/>.</summary>
    public static bool AnyExposes(GraphNode exposedNode)
    {
        foreach (var exposure in exposedNode.Relationships(Direction.Incoming, "EXPOSE"))
        {
            if (IsDataEdge(exposure))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<GraphRelationship> ExposuresOf(IEnumerable<GraphNode> exposedNodes) => exposedNodes
        .SelectMany(n => n.Relationships(Direction.Incoming, "EXPOSE"))
        .Where(IsDataEdge);

    private static bool IsDataEdge(GraphRelationship exposure) => !exposure.Properties.ContainsKey("exposure_type");

    private PathTrace Through(GraphRelationship exposure, long? port, BalancerTarget target, IReadOnlyList<SecurityGroup> targetGroups, TrafficQuery traffic)
    {
        var balancer = exposure.Start;
        var listeners = endpoints.EndpointsOf(balancer);
        var choice = _choices.GetOrAdd((balancer, port), static (key, state) => state.Paths.Choose(key.Balancer, state.Listeners, key.Port), (Paths: this, Listeners: listeners));
        var trace = choice.Best.Towards(target.ResourceId, traffic);
        if (choice.Ambiguity is { } ambiguity)
        {
            trace = trace.Then(ambiguity);
        }

        var hop = port is { } p ? string.Create(CultureInfo.InvariantCulture, $"target port {p}") : "target";
        var (keeps, why) = ClientAddress(listeners[choice.First].Resource.Properties.GetString("type"), exposure);
        var balancerSource = _sources.GetOrAdd((balancer, choice.First), static (key, listeners) => SourceOf(listeners[key.Listener]), listeners)
            with { KeepsClientAddress = keeps, ClientAddressReason = why };
        return trace
            .Then(LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Target, target.ResourceId, EvidenceDecision.Allows,
                $"{balancerSource.Name} forwards to {target.ResourceId}{(port is null ? "" : $" on port {port}")} (EXPOSE); {balancerSource.ClientAddressReason}", hop)))
            .Then(target.State)
            .Then(() => target.InvokedWithoutNetwork
                ? LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Target, target.ResourceId, EvidenceDecision.Note, "the balancer invokes the function directly: no security group applies"))
                : TargetSubnets(target, traffic, balancerSource, listeners[choice.First]).Then(groups.FromBalancer(targetGroups, traffic, balancerSource, target.ResourceId)))
            .Then(target.FinalHops ?? LayerOutcome.Open());
    }

    private ListenerChoice Choose(GraphNode balancer, IReadOnlyList<NetworkEndpoint> listeners, long? port)
    {
        var (candidates, ambiguity) = ListenersFor(listeners, port);
        var paths = candidates.Select(i => _listenerPaths.GetOrAdd((balancer, i), key => ListenerPath(listeners[key.Listener]))).ToList();
        var best = paths.MinBy(p => p.Verdict)!;
        if (ambiguity is null)
        {
            return new ListenerChoice(best, null, candidates[0]);
        }

        var balancerId = NetworkTopology.IdOf(balancer);
        var ports = string.Join(", ", candidates.Select(i => listeners[i].Service?.ToString()));
        var note = paths.Select(p => p.Verdict).Distinct().Count() == 1
            ? LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.LoadBalancer, balancerId, EvidenceDecision.Note,
                $"{ambiguity}; every listener ({ports}) gives the same verdict"))
            : LayerOutcome.Unknown(ReachabilityLayer.LoadBalancer, balancerId, $"{ambiguity}: listeners {ports} give different verdicts");
        return new ListenerChoice(best, note, candidates[0]);
    }

    /// <summary>
    /// The hop into the target's subnet crosses its NACL (unless the balancer sits in the same subnet): inbound on
    /// the target port from what arrives (the balancer's addresses, or the clients' when it keeps them), and the
    /// replies back out.
    /// </summary>
    private LayerOutcome TargetSubnets(BalancerTarget target, TrafficQuery traffic, BalancerSource balancer, NetworkEndpoint listener)
    {
        var crossing = target.Subnets.Where(s => !listener.Subnets.Contains(s)).ToList();
        if (crossing.Count == 0)
        {
            return LayerOutcome.Open();
        }

        var arriving = balancer.KeepsClientAddress ? AddressSet.PublicInternet : balancer.SubnetRanges;
        if (arriving.IsEmpty)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.NetworkAcl, target.ResourceId, $"the address ranges of {balancer.Name}'s subnets (no subnet CIDR ingested), so {target.ResourceId}'s subnet NACL cannot be judged");
        }

        var perSubnet = crossing.Select(s => acls.Evaluate(s, traffic, arriving)).ToList();
        var outcome = perSubnet.Count == 1 ? perSubnet[0] : LayerOutcome.Either(perSubnet);
        // From the balancer's own addresses, a NACL that admits them lets every client's request through.
        return balancer.KeepsClientAddress || outcome.IsClosed ? outcome : outcome with { Definite = outcome.Definite.IsEmpty ? AddressSet.Empty : AddressSet.All, Possible = AddressSet.All };
    }

    /// <summary>Without a group filter every endpoint has a path.</summary>
    private PathTrace ListenerPath(NetworkEndpoint listener) => direct.Trace(listener, listener.Service ?? TrafficQuery.AnyTraffic)!;

    /// <summary>
    /// Which listeners forward to <paramref name="port"/>. The listener → target group link is not in the graph
    ///: a listener on the same port (or a classic listener's instance port) is taken; otherwise every
    /// listener is a candidate, and the ambiguity is reported.
    /// </summary>
    private static (List<int> Candidates, string? Ambiguity) ListenersFor(IReadOnlyList<NetworkEndpoint> listeners, long? port)
    {
        var all = Enumerable.Range(0, listeners.Count).ToList();
        var exact = all.Where(i => listeners[i].ForwardsToPort == port && port is not null).ToList();
        if (exact.Count == 0)
        {
            exact = [.. all.Where(i => listeners[i].ForwardsToPort is null && port is { } p && listeners[i].Service?.FromPort == p)];
        }

        return exact.Count > 0 ? (exact, null)
            : all.Count == 1 ? (all, null)
            : (all, $"which listener forwards to target port {port?.ToString(CultureInfo.InvariantCulture) ?? "(none recorded)"} is not in the graph (listener → target group link missing)");
    }

    /// <summary>What every target sees of one listener's balancer (its groups and subnets); whether it keeps the client's
    /// address depends on the target too (<see cref="ClientAddress"/>).</summary>
    private static BalancerSource SourceOf(NetworkEndpoint balancer) => new(
        balancer.Resource.Properties.GetString("name") ?? balancer.ResourceId,
        balancer.Groups.Select(g => NetworkTopology.IdOf(g.Node)).ToHashSet(StringComparer.Ordinal),
        [.. balancer.Subnets.Select(s => AddressSet.TryParseCidr(s.CidrBlock, out var cidr) ? cidr : AddressSet.Empty).Where(c => !c.IsEmpty)],
        KeepsClientAddress: false);

    /// <summary>
    /// Whether the target sees the client's address. Application and classic balancers never pass it on (only in
    /// headers); a network balancer preserves it for instance targets, and for IP targets only over UDP by default
    /// (TCP/TLS IP targets see the balancer's address unless preserve_client_ip is turned on, which Cartography does
    /// not ingest).
    /// </summary>
    private static (bool Keeps, string Why) ClientAddress(string? balancerType, GraphRelationship exposure)
    {
        if (balancerType != "network")
        {
            return (false, "the target sees the balancer's own addresses (the client's only in headers)");
        }

        if (CartographyKinds.Ec2Instance.Matches(exposure.End))
        {
            return (true, "a network balancer keeps the client's address for instance targets");
        }

        var protocol = exposure.Properties.GetString("protocol") ?? "";
        return protocol.Contains("UDP", StringComparison.OrdinalIgnoreCase)
            ? (true, $"a network balancer keeps the client's address for IP targets over {protocol}")
            : (false, $"a network balancer passes IP targets over {(protocol.Length == 0 ? "TCP" : protocol)} its own address by default (preserve_client_ip is not in the graph)");
    }
}
