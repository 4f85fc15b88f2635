using System.Globalization;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// Turns a resource into what the layers evaluate: its endpoints (public address, subnets, groups, service port)
/// and what it is as a balancer's target. One resolver per resource kind, chosen from a table.
/// </summary>
internal sealed class EndpointResolver
{
    private const long RedshiftDefaultPort = 5439;

    /// <summary>
    /// About how many resources' endpoints are kept: the few being analysed side by side. Few on purpose: a resource's
    /// endpoints are asked again only while its own question is answered, and a table of 256 kept each one past the
    /// next collection, which then copied it to an older generation (100k resources and 20k findings, Native AOT: the
    /// exploitability analysis 9% slower, its collector pauses 13% longer). A group's or configuration's members are
    /// kept for the length of its question instead (<see cref="RecentFor"/>).
    /// </summary>
    private const int RecentResources = 8;

    /// <summary>At most this many members' endpoints are kept while a group's or configuration's question is answered.</summary>
    private const int RecentMembers = 256;

    private readonly NetworkTopology _topology;
    private readonly (CartographyKind Kind, Func<GraphNode, IReadOnlyList<NetworkEndpoint>> Endpoints)[] _endpointResolvers;
    private readonly NodeMemo<IReadOnlyList<NetworkEndpoint>> _balancerEndpoints = new();
    private readonly RecentValues<GraphNode, IReadOnlyList<NetworkEndpoint>> _recentEndpoints = new(RecentResources);
    private readonly RecentValues<GraphNode, TargetOfNode> _targets = new(RecentResources);
    // One delegate for every look-up, as _resolve.
    private static readonly Func<GraphNode, TargetOfNode> ComputeTarget = node => TargetOf(node) is { } target ? new TargetOfNode(target) : TargetOfNode.None;
    // One delegate for every look-up: a method group would allocate one each time.
    private readonly Func<GraphNode, IReadOnlyList<NetworkEndpoint>> _resolve;

    public EndpointResolver(NetworkTopology topology)
    {
        _topology = topology;
        _resolve = Resolve;
        _endpointResolvers =
        [
            (CartographyKinds.Ec2Instance, node => Instance(Ec2Instance.Wrap(node))),
            (CartographyKinds.NetworkInterface, node => [Interface(NetworkInterface.Wrap(node), NetworkTopology.IdOf(node), LayerOutcome.Open())]),
            (CartographyKinds.EcsTask, node => Task(EcsTask.Wrap(node), NetworkTopology.IdOf(node))),
            (CartographyKinds.EcsContainer, node => TaskOf(node).SelectMany(t => Task(t, NetworkTopology.IdOf(node))).ToList()),
            (CartographyKinds.RdsInstance, node => [Database(RdsInstance.Wrap(node))]),
            (CartographyKinds.RedshiftCluster, node => [Warehouse(RedshiftCluster.Wrap(node))]),
            (CartographyKinds.LoadBalancerV2, node => BalancerV2(LoadBalancerV2.Wrap(node))),
            (CartographyKinds.LoadBalancer, node => ClassicBalancer(LoadBalancer.Wrap(node))),
        ];
    }

    /// <summary>True when the resource kind has a network model (endpoints), even if it has no endpoint now.</summary>
    public bool HasEndpointModel(GraphNode resource) => ResolverOf(resource) is not null;

    /// <summary>
    /// A balancer's endpoints are asked again by every target behind it, so they are kept for the run. Any other
    /// resource's are asked by its own findings, one question after another (its candidate ports, then each port's
    /// paths): kept while recent. Keeping every analysed resource's endpoints for the run made the collector copy them
    /// from generation to generation: 100k resources and 20k findings, Native AOT, the analysis took 12% longer.
    /// </summary>
    /// <param name="recent">For a member of a group or configuration, the tables of that question (<see cref="RecentFor"/>):
    /// each port asked walks the members again. Null for a resource asked about itself.</param>
    public IReadOnlyList<NetworkEndpoint> EndpointsOf(GraphNode resource, MemberTables? recent = null) =>
        BalancerKinds.AnyMatches(resource)
            ? _balancerEndpoints.GetOrAdd(resource, _resolve)
            : (recent?.Endpoints ?? _recentEndpoints).GetOrAdd(resource, _resolve);

    /// <summary>Tables for the members of one group's or configuration's question: as many as it has, up to 256.</summary>
    public static MemberTables RecentFor(int members) => new(Math.Clamp(members, 1, RecentMembers));

    /// <summary>What one group's or configuration's question keeps of its members while it is answered: their endpoints
    /// and what they are as balancer targets, asked again for each traffic the question tries.</summary>
    public sealed class MemberTables
    {
        internal MemberTables(int capacity)
        {
            Endpoints = new(capacity);
            Targets = new(capacity);
        }

        internal RecentValues<GraphNode, IReadOnlyList<NetworkEndpoint>> Endpoints { get; }

        internal RecentValues<GraphNode, TargetOfNode> Targets { get; }
    }

    private IReadOnlyList<NetworkEndpoint> Resolve(GraphNode resource) => ResolverOf(resource)?.Invoke(resource) ?? [];

    private static readonly CartographyKindSet BalancerKinds = new(CartographyKinds.LoadBalancerV2, CartographyKinds.LoadBalancer);

    private Func<GraphNode, IReadOnlyList<NetworkEndpoint>>? ResolverOf(GraphNode resource)
    {
        foreach (var (kind, endpoints) in _endpointResolvers)
        {
            if (kind.Matches(resource))
            {
                return endpoints;
            }
        }

        return null;
    }

    /// <summary><see cref="TargetOf"/>, remembered for recent resources as their endpoints are: every traffic question about
    /// one asks again, while it is answered. Few resources sit behind a balancer, so the others share one empty answer.
    /// A table for the run kept every balancer target's lists past the collections that copied them to older
    /// generations: without it (100k resources, 20k findings, Native AOT, three sets of interleaved runs) the
    /// reachability analysis took 1-3% less (304 -> 294, 308 -> 300, 350 -> 346 ms) and the exploitability analysis
    /// 1-1.5% less (344 -> 339, 348 -> 343, 403 -> 399 ms). A group's or configuration's members are kept in the
    /// question's own tables (<see cref="MemberTables"/>).</summary>
    /// <param name="recent">For a member of a group or configuration, the tables of that question (<see cref="RecentFor"/>).</param>
    public BalancerTarget? Target(GraphNode resource, MemberTables? recent = null) =>
        (recent?.Targets ?? _targets).GetOrAdd(resource, ComputeTarget).Target;

    internal sealed record TargetOfNode(BalancerTarget? Target)
    {
        public static readonly TargetOfNode None = new((BalancerTarget?)null);
    }

    /// <summary>True for the kinds a balancer can forward to (instances, functions, tasks, containers, interfaces).</summary>
    public static bool IsTargetKind(GraphNode resource) => TargetKinds.AnyMatches(resource);

    private static readonly CartographyKindSet TargetKinds = new(
        CartographyKinds.Ec2Instance, CartographyKinds.Lambda, CartographyKinds.EcsTask, CartographyKinds.EcsContainer, CartographyKinds.NetworkInterface);

    /// <summary>
    /// The resource as the target of some balancer, or null when no balancer exposes it (or its kind cannot be a
    /// target). Most resources sit behind none: that is settled from the exposed nodes alone, before the state,
    /// groups and subnets a path through a balancer needs are read.
    /// </summary>
    public static BalancerTarget? TargetOf(GraphNode resource)
    {
        var id = NetworkTopology.IdOf(resource);
        if (CartographyKinds.Ec2Instance.Matches(resource))
        {
            var instance = Ec2Instance.Wrap(resource);
            if (!(BalancerPaths.AnyExposes(resource) || AnyAddressExposed(instance.NetworkInterfaces)))
            {
                return null;
            }

            List<GraphNode> exposed = [resource, .. instance.NetworkInterfaces.SelectMany(e => e.PrivateIps).Select(p => p.Node)];
            return new BalancerTarget
            {
                ResourceId = id,
                ExposedNodes = exposed,
                State = AddressLayer.InstanceState(id, instance.State),
                Groups = GroupsOf(instance),
                Subnets = [.. (instance.Subnets.Any() ? instance.Subnets : instance.NetworkInterfaces.SelectMany(e => e.Subnets)).Distinct()],
            };
        }

        if (CartographyKinds.Lambda.Matches(resource))
        {
            return !BalancerPaths.AnyExposes(resource) ? null
                : new BalancerTarget { ResourceId = id, ExposedNodes = [resource], State = LayerOutcome.Open(), Groups = [], InvokedWithoutNetwork = true };
        }

        var task = CartographyKinds.EcsTask.Matches(resource) ? [EcsTask.Wrap(resource)] : CartographyKinds.EcsContainer.Matches(resource) ? TaskOf(resource) : [];
        var interfaces = CartographyKinds.NetworkInterface.Matches(resource) ? [NetworkInterface.Wrap(resource)] : task.SelectMany(t => t.NetworkInterfaces).ToList();
        if (interfaces.Count == 0 && task.Count > 0 && task[0].HostInstances.Select(h => TargetOf(h.Node)).FirstOrDefault(t => t is not null) is { } hostTarget)
        {
            // Behind an instance target group, a bridge or host task is reached through its container instance.
            return hostTarget with
            {
                ResourceId = id,
                State = AddressLayer.TaskState(id, task[0].LastStatus).Then(hostTarget.State),
                FinalHops = OnHost(task[0], id, hostTarget.ResourceId),
            };
        }

        return interfaces.Count == 0 || !(BalancerPaths.AnyExposes(resource) || interfaces.Exists(AnyAddressExposed)) ? null : new BalancerTarget
        {
            ResourceId = id,
            ExposedNodes = [resource, .. interfaces.SelectMany(e => e.PrivateIps).Select(p => p.Node)],
            State = task.Select(t => AddressLayer.TaskState(id, t.LastStatus)).FirstOrDefault() ?? LayerOutcome.Open(),
            Groups = [.. interfaces.SelectMany(e => e.SecurityGroups).Distinct()],
            Subnets = [.. interfaces.SelectMany(e => e.Subnets).Distinct()],
        };
    }

    /// <summary>Whether some balancer forwards to a private address of one of the interfaces (loops: every resource analysed
    /// is asked, and most sit behind none). An instance's interfaces are walked with their own enumerator: as an
    /// <see cref="IEnumerable{T}"/> they and their enumerator were boxed for every instance.</summary>
    private static bool AnyAddressExposed(RelatedNodes<NetworkInterface> interfaces)
    {
        foreach (var eni in interfaces)
        {
            if (AnyAddressExposed(eni))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyAddressExposed(NetworkInterface eni)
    {
        foreach (var address in eni.PrivateIps)
        {
            if (BalancerPaths.AnyExposes(address.Node))
            {
                return true;
            }
        }

        return false;
    }

    private static List<EcsTask> TaskOf(GraphNode container) =>
        [.. container.Neighbors("HAS_CONTAINER", Direction.Incoming).Where(CartographyKinds.EcsTask.Matches).Select(EcsTask.Wrap)];

    private static List<SecurityGroup> GroupsOf(Ec2Instance instance) =>
        [.. instance.SecurityGroups.Concat(instance.NetworkInterfaces.SelectMany(e => e.SecurityGroups)).Distinct()];

    /// <summary>
    /// An instance is reached through each network interface on that interface's own terms: its addresses, its
    /// subnet, its groups. Pooling them would let a public interface's address meet a private interface's rule.
    /// </summary>
    private static List<NetworkEndpoint> Instance(Ec2Instance instance)
    {
        var id = NetworkTopology.IdOf(instance.Node);
        var state = AddressLayer.InstanceState(id, instance.State);
        var instanceAddresses = AddressLayer.InstanceLevelAddressesOf(instance);
        // Spreads and loops, not LINQ and closures: every instance analysed comes through here once.
        var interfaces = instance.NetworkInterfaces.ToList();
        if (interfaces.Count > 1)
        {
            interfaces.Sort(static (a, b) => string.CompareOrdinal(NetworkTopology.IdOf(a.Node), NetworkTopology.IdOf(b.Node)));
        }

        if (interfaces.Count == 0)
        {
            return
            [
                new NetworkEndpoint
                {
                    Resource = instance.Node,
                    ResourceId = id,
                    Exposure = state.Then(AddressLayer.PublicAddress(id, instanceAddresses.ConvertAll(a => (a.Address, a.Source)))),
                    Subnets = instance.Subnets.ToList(),
                    Groups = instance.SecurityGroups.ToList(),
                },
            ];
        }

        var own = new List<List<(string Address, AddressSource Source)>>(interfaces.Count);
        foreach (var eni in interfaces)
        {
            own.Add(AddressLayer.AddressesOf(eni));
        }

        // Made for the first address no interface lists: an instance's own public address is mostly its primary interface's too.
        List<(string Address, AddressSource Source, string? InterfaceId)>? notOnAnInterface = null;
        foreach (var address in instanceAddresses)
        {
            if (!IsOnAnInterface(own, address.Address))
            {
                (notOnAnInterface ??= new(instanceAddresses.Count)).Add(address);
            }
        }

        var primary = PrimaryInterface(instance, interfaces);
        var endpoints = new List<NetworkEndpoint>(interfaces.Count);
        for (var i = 0; i < interfaces.Count; i++)
        {
            var eni = interfaces[i];
            var eniId = NetworkTopology.IdOf(eni.Node);
            var addresses = own[i];
            foreach (var (address, source, interfaceId) in notOnAnInterface ?? NoAddresses)
            {
                // The instance's own address properties belong to its primary interface (an Elastic IP names its own).
                if (interfaceId is { } named ? named == eniId : eni.Node == primary.Node)
                {
                    addresses.Add((address, source.Of(id)));
                }
            }

            var subnets = eni.Subnets.ToList();
            var groups = eni.SecurityGroups.ToList();
            endpoints.Add(new NetworkEndpoint
            {
                Resource = instance.Node,
                ResourceId = id,
                Exposure = state.Then(AddressLayer.PublicAddress(id, addresses)),
                Subnets = subnets.Count > 0 ? subnets : instance.Subnets.ToList(),
                Groups = groups.Count > 0 ? groups : instance.SecurityGroups.ToList(),
                FinalHops = interfaces.Count == 1 ? null : LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Target, eniId, EvidenceDecision.Allows,
                    $"{id} has {interfaces.Count} network interfaces; each is judged on its own addresses, subnet and groups: this path is {eniId}'s", eniId)),
            });
        }

        return endpoints;
    }

    // Shared and never added to: most instances have no address that is not on one of their interfaces.
    private static readonly List<(string Address, AddressSource Source, string? InterfaceId)> NoAddresses = [];

    private static bool IsOnAnInterface(List<List<(string Address, AddressSource Source)>> interfaces, string address)
    {
        foreach (var addresses in interfaces)
        {
            if (AddressLayer.IsListed(addresses, address, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The interface at device index 0, else the one holding the instance's primary private address, else the one in its subnet, else the first.</summary>
    private static NetworkInterface PrimaryInterface(Ec2Instance instance, List<NetworkInterface> interfaces)
    {
        if (interfaces.Count == 1)
        {
            return interfaces[0];
        }

        if (interfaces.FindIndex(e => e.DeviceIndex == 0) is var primary and >= 0)
        {
            return interfaces[primary];
        }

        return ByAddressOrSubnet(instance, interfaces);
    }

    /// <summary>A method of its own: its lambdas' captures would otherwise be allocated for every instance, one interface or several.</summary>
    private static NetworkInterface ByAddressOrSubnet(Ec2Instance instance, List<NetworkInterface> interfaces)
    {
        var privateAddress = instance.PrivateIpAddress;
        var subnets = instance.Subnets.Select(s => s.Node).ToHashSet();
        var byAddress = interfaces.FindIndex(e => privateAddress is not null && (e.PrivateIpAddress == privateAddress || e.PrivateIps.Any(p => p.PrivateIpAddress == privateAddress)));
        var bySubnet = interfaces.FindIndex(e => e.Subnets.Any(s => subnets.Contains(s.Node)));
        return interfaces[byAddress >= 0 ? byAddress : Math.Max(bySubnet, 0)];
    }

    private static NetworkEndpoint Interface(NetworkInterface eni, string resourceId, LayerOutcome state) => new()
    {
        Resource = eni.Node,
        ResourceId = resourceId,
        Exposure = state.Then(AddressLayer.PublicAddress(resourceId, AddressLayer.AddressesOf(eni))),
        Subnets = [.. eni.Subnets],
        Groups = [.. eni.SecurityGroups],
    };

    /// <summary>
    /// awsvpc tasks (Fargate) get their own ENI, with a public IP when the service assigns one; bridge and host
    /// tasks share their container instance's network, so they are reached through that EC2 instance.
    /// </summary>
    private static List<NetworkEndpoint> Task(EcsTask task, string resourceId)
    {
        var state = AddressLayer.TaskState(resourceId, task.LastStatus);
        var interfaces = task.NetworkInterfaces.ToList();
        if (interfaces.Count > 0)
        {
            return [.. interfaces.Select(eni => Interface(eni, resourceId, state))];
        }

        return
        [
            .. task.HostInstances.SelectMany(host => Instance(host).Select(endpoint => endpoint with
            {
                ResourceId = resourceId,
                Exposure = state.Then(endpoint.Exposure),
                FinalHops = (endpoint.FinalHops ?? LayerOutcome.Open()).Then(OnHost(task, resourceId, NetworkTopology.IdOf(host.Node))),
            })),
        ];
    }

    /// <summary>
    /// The hop from a host instance to a task running on it. In host mode the task listens on the host's ports; in
    /// bridge mode a host port maps to the container's, and the mapping is not in the graph: an open host port
    /// may or may not be the task's (unknown), a closed host closes the task.
    /// </summary>
    private static LayerOutcome OnHost(EcsTask task, string taskId, string hostId)
    {
        var mode = task.NetworkMode;
        if (mode == "host")
        {
            return LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.Target, hostId, EvidenceDecision.Allows,
                $"{taskId} runs in host network mode on container instance {hostId}: it listens on the host's own ports", hostId));
        }

        var missing = $"which host port of {hostId} maps to {taskId} ({(mode is null ? "network mode not in the graph" : $"{mode} network mode")}; Cartography does not ingest port mappings)";
        return LayerOutcome.Unknown(ReachabilityLayer.Target, hostId, missing, hostId);
    }

    private static NetworkEndpoint Database(RdsInstance database)
    {
        var id = NetworkTopology.IdOf(database.Node);
        var (subnets, note) = Placed(id, [.. database.Subnets.Distinct()], database.AvailabilityZone, "its DB subnet group");
        return new NetworkEndpoint
        {
            Resource = database.Node,
            ResourceId = id,
            Exposure = AddressLayer.PubliclyAccessible(id, database.PubliclyAccessible),
            Subnets = subnets,
            SubnetNote = note,
            SubnetsAreCandidates = true,
            Groups = [.. database.SecurityGroups],
            Service = database.EndpointPort is { } port ? TrafficQuery.Tcp((int)port) : null,
        };
    }

    /// <summary>
    /// A single-subnet resource among candidate subnets: the candidates of its availability zone when the zone is
    /// known and some candidate is in it; otherwise all of them (the layer then needs them to agree).
    /// </summary>
    private static (IReadOnlyList<Subnet> Subnets, EvidenceStep? Note) Placed(string resourceId, List<Subnet> candidates, string? zone, string whence)
    {
        var inZone = zone is null ? [] : candidates.Where(s => string.Equals(s.AvailabilityZone, zone, StringComparison.Ordinal)).ToList();
        if (candidates.Count <= 1)
        {
            return (candidates, null);
        }

        if (inZone.Count > 0)
        {
            return (inZone, new EvidenceStep(ReachabilityLayer.Route, resourceId, EvidenceDecision.Note,
                $"{resourceId} is in {zone}: of {whence} ({string.Join(", ", candidates.Select(s => NetworkTopology.IdOf(s.Node)))}) it sits in {string.Join(", ", inZone.Select(s => NetworkTopology.IdOf(s.Node)))}"));
        }

        return (candidates, new EvidenceStep(ReachabilityLayer.Route, resourceId, EvidenceDecision.Note,
            zone is null
                ? $"{resourceId}'s availability zone is not in the graph: it sits in one of {whence}'s subnets, which must agree"
                : $"no subnet of {whence} is in {resourceId}'s zone {zone}: it sits in one of them, which must agree"));
    }

    /// <summary>Redshift has no subnet edge: its VPC's subnets stand in, and the evidence says so.</summary>
    private NetworkEndpoint Warehouse(RedshiftCluster cluster)
    {
        var id = NetworkTopology.IdOf(cluster.Node);
        var vpcs = cluster.Vpcs.ToList();
        var (subnets, placement) = Placed(id, [.. vpcs.SelectMany(_topology.SubnetsOf)], cluster.AvailabilityZone, $"the subnets of {string.Join(", ", vpcs.Select(v => NetworkTopology.IdOf(v.Node)))}");
        var note = VpcSubnetsNote(id, vpcs, "Redshift clusters");
        return new NetworkEndpoint
        {
            Resource = cluster.Node,
            ResourceId = id,
            Exposure = AddressLayer.PubliclyAccessible(id, cluster.PubliclyAccessible),
            Subnets = subnets,
            SubnetNote = placement is null ? note : note with { Reason = $"{note.Reason}; {placement.Reason}" },
            SubnetsAreCandidates = true,
            Groups = [.. cluster.SecurityGroups],
            Service = TrafficQuery.Tcp((int)(cluster.EndpointPort ?? RedshiftDefaultPort)),
        };
    }

    private static List<NetworkEndpoint> BalancerV2(LoadBalancerV2 balancer)
    {
        var id = NetworkTopology.IdOf(balancer.Node);
        var name = balancer.Node.Properties.GetString("name") ?? id;
        var isNetwork = balancer.Type == "network";
        var listeners = balancer.Listeners.Where(l => l.Port is not null).OrderBy(l => l.Port).ToList();
        var baseEndpoint = new NetworkEndpoint
        {
            Resource = balancer.Node,
            ResourceId = id,
            Exposure = AddressLayer.InternetFacing(id, balancer.InternetFacing),
            Subnets = [.. balancer.Subnets.Concat(balancer.Node.Related<Subnet>("PART_OF_SUBNET", Direction.Outgoing)).Distinct()],
            Groups = [.. balancer.SecurityGroups],
            MayHaveNoGroups = isNetwork,
        };
        return listeners.Count == 0
            ? [NoListener(baseEndpoint)]
            : [.. listeners.Select(l => Listening(baseEndpoint, $"elbv2 {name}", l.Port!.Value, l.Protocol, forwardsTo: null))];
    }

    /// <summary>Classic ELBs have no subnet edge in real graphs: the subnets of their VPC stand in.</summary>
    private List<NetworkEndpoint> ClassicBalancer(LoadBalancer balancer)
    {
        var id = NetworkTopology.IdOf(balancer.Node);
        var groups = balancer.SecurityGroups.ToList();
        if (groups.Count == 0)
        {
            groups = [.. balancer.SourceSecurityGroups];
        }

        var subnets = balancer.Subnets.ToList();
        var name = balancer.Node.Properties.GetString("name") ?? id;
        EvidenceStep? note = null;
        var candidates = false;
        if (subnets.Count == 0 && _topology.SubnetsOfClassicBalancer(name, balancer.Node) is { Count: > 0 } ofInterfaces)
        {
            subnets = [.. ofInterfaces];
            note = new EvidenceStep(ReachabilityLayer.Route, id, EvidenceDecision.Note,
                $"{id} has no subnet edge (Cartography links none for classic load balancers); its network interfaces (described \"ELB {name}\") are in {string.Join(", ", subnets.Select(s => NetworkTopology.IdOf(s.Node)))}");
        }
        else if (subnets.Count == 0)
        {
            candidates = true;
            var vpcs = groups.SelectMany(g => g.Vpcs)
                .Concat(balancer.Exposes.Select(e => e.Target).Where(CartographyKinds.Ec2Instance.Matches)
                    .SelectMany(t => Ec2Instance.Wrap(t).Subnets).Select(_topology.VpcOf).OfType<Vpc>())
                .Distinct().ToList();
            subnets = [.. vpcs.SelectMany(_topology.SubnetsOf)];
            note = VpcSubnetsNote(id, vpcs, "classic load balancers");
        }

        var baseEndpoint = new NetworkEndpoint
        {
            Resource = balancer.Node,
            ResourceId = id,
            Exposure = AddressLayer.InternetFacing(id, balancer.InternetFacing),
            Subnets = subnets,
            SubnetNote = note,
            // Inferred from the VPC, the subnets are candidates: the balancer sits in some of them, unknown which.
            SubnetsAreCandidates = candidates,
            Groups = groups,
        };
        var listeners = balancer.Listeners.Where(l => l.Port is not null).OrderBy(l => l.Port).ToList();
        return listeners.Count == 0
            ? [NoListener(baseEndpoint)]
            : [.. listeners.Select(l => Listening(baseEndpoint, $"elb {name}", l.Port!.Value, l.Protocol, l.InstancePort))];
    }

    private static NetworkEndpoint Listening(NetworkEndpoint balancer, string name, long port, string? protocol, long? forwardsTo)
    {
        var isUdp = protocol?.Contains("UDP", StringComparison.OrdinalIgnoreCase) == true;
        var traffic = new TrafficQuery(isUdp ? IpProtocol.Udp : IpProtocol.Tcp, (int)port, (int)port);
        var hop = string.Create(CultureInfo.InvariantCulture, $"{name} listener {port}");
        return balancer with
        {
            Service = traffic,
            ServiceStep = new EvidenceStep(ReachabilityLayer.LoadBalancer, balancer.ResourceId, EvidenceDecision.Allows, $"listener {protocol ?? "?"} {port} accepts {traffic}", hop),
            ForwardsToPort = forwardsTo,
        };
    }

    private static NetworkEndpoint NoListener(NetworkEndpoint balancer) => balancer with
    {
        Exposure = balancer.Exposure.Then(LayerOutcome.Closed(new EvidenceStep(
            ReachabilityLayer.LoadBalancer, balancer.ResourceId, EvidenceDecision.Denies, "no listener ingested: the balancer accepts no traffic", balancer.ResourceId))),
    };

    private static EvidenceStep VpcSubnetsNote(string resourceId, IReadOnlyList<Vpc> vpcs, string kind) => new(
        ReachabilityLayer.Route,
        resourceId,
        vpcs.Count == 0 ? EvidenceDecision.Unknown : EvidenceDecision.Note,
        vpcs.Count == 0
            ? $"{resourceId} has no subnet edge and its VPC is not in the graph"
            : $"{resourceId} has no subnet edge (Cartography links none for {kind}); using every subnet of {string.Join(", ", vpcs.Select(v => NetworkTopology.IdOf(v.Node)))}");
}
