using CloudPI.Reachability.Layers;
using CloudPI.Controls;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability;

/// <summary>
/// Composes the layers (address, routes, NACLs, security groups, balancers) into paths from the internet. Layer
/// results are cached per subnet, per NACL and query, per security group and per balancer listener, so one
/// engine answers many questions over one graph; it is safe to share between threads.
/// </summary>
public sealed class ReachabilityEngine : IReachabilityEngine
{
    private readonly EndpointResolver _endpoints;
    private readonly SecurityGroupRules _rules;
    private readonly DirectPaths _direct;
    private readonly BalancerPaths _balancers;
    private readonly ManagedServicePaths _managed;

    public ReachabilityEngine(CartographyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var topology = new NetworkTopology(view);
        _rules = new SecurityGroupRules();
        var groups = new SecurityGroupLayer(_rules);
        _endpoints = new EndpointResolver(topology);
        var acls = new NetworkAclLayer(topology);
        _direct = new DirectPaths(new SubnetLayer(new RouteLayer(topology), acls), groups);
        _balancers = new BalancerPaths(_endpoints, _direct, groups, acls);
        _managed = new ManagedServicePaths(view);
    }

    public ReachabilityResult Evaluate(GraphNode resource, NetworkExposure? port)
    {
        var query = TrafficQuery.From(port);
        var resourceId = NetworkTopology.IdOf(resource);
        if (CartographyKinds.SecurityGroup.Matches(resource))
        {
            return EvaluateGroup(SecurityGroup.Wrap(resource), resourceId, query);
        }

        if (RunningResources.KindOf(resource) is { } configuration)
        {
            return EvaluateConfiguration(resource, resourceId, configuration, query);
        }

        if (!_endpoints.HasEndpointModel(resource) && !EndpointResolver.IsTargetKind(resource) && !ManagedServicePaths.Handles(resource))
        {
            return ResultComposer.NotModelled(resourceId, query, resource.Labels);
        }

        return Answer(resourceId, query, q => Traces(resource, q, onlyGroup: null, recent: null), () => CandidateQueries(resource, onlyGroup: null, recent: null));
    }

    /// <summary>
    /// A security group is exposing when some member (instance, ENI, balancer, database) is reachable through the
    /// group's own rules; the path names that member.
    /// </summary>
    private ReachabilityResult EvaluateGroup(SecurityGroup group, string groupId, TrafficQuery query)
    {
        var members = MembersOf(group);
        if (members.Count == 0)
        {
            return ResultComposer.NoMembers(groupId, query);
        }

        var recent = EndpointResolver.RecentFor(members.Count);
        return Answer(
            groupId,
            query,
            q => UntilReachable(members.SelectMany(m => Traces(m, q, group, recent))),
            () => members.SelectMany(m => CandidateQueries(m, group, recent)));
    }

    /// <summary>
    /// A configuration object (volume, task definition, service, auto-scaling group, launch template or
    /// configuration, RDS cluster) is exposing when a running resource it belongs to is reachable, judged on that
    /// resource's own path; the path goes on through the relation to the object.
    /// </summary>
    private ReachabilityResult EvaluateConfiguration(GraphNode resource, string resourceId, ConfigurationKind kind, TrafficQuery query)
    {
        var members = kind.MembersOf(resource);
        if (members.Count == 0)
        {
            return RunningResources.NoMembers(resource, resourceId, kind, query);
        }

        var recent = EndpointResolver.RecentFor(members.Count);
        var result = Answer(
            resourceId,
            query,
            q => UntilReachable(members.SelectMany(m => Traces(m.Node, q, onlyGroup: null, recent).Select(t => RunningResources.Through(t, m, resourceId)))),
            () => members.SelectMany(m => CandidateQueries(m.Node, onlyGroup: null, recent)));
        return RunningResources.Judged(result, kind, members);
    }

    private const int CandidatesSearchedInList = 16;

    private ReachabilityResult Answer(string resourceId, TrafficQuery query, Func<TrafficQuery, IEnumerable<PathTrace>> traces, Func<IEnumerable<TrafficQuery>> candidates)
    {
        if (!query.IsAnyTraffic)
        {
            return ResultComposer.Compose(resourceId, query, [.. traces(query)]);
        }

        // Any traffic: ask about each protocol/port something admits, and list those found open. Each question's
        // verdict is its most open path's; only the most open question is composed into the answer with its evidence.
        // In first-seen order, once each: a group's members can repeat the same ports thousands of times. Searched in
        // the list while it is short (a resource's usual one to three ports), in a set beyond.
        var asked = new List<TrafficQuery>();
        HashSet<TrafficQuery>? seen = null;
        foreach (var candidate in candidates())
        {
            if (asked.Count < CandidatesSearchedInList ? !asked.Contains(candidate) : (seen ??= [.. asked]).Add(candidate))
            {
                asked.Add(candidate);
            }
        }

        if (asked.Count == 0)
        {
            asked.Add(TrafficQuery.AnyTraffic);
        }

        var open = new List<OpenPort>();
        (TrafficQuery Query, List<PathTrace> Traces, List<PathTrace> Ranked, ReachabilityVerdict Verdict)? best = null;
        foreach (var q in asked)
        {
            List<PathTrace> found = [.. traces(q)];
            var ranked = ResultComposer.Rank(found);
            var verdict = ranked.Count > 0 ? ranked[0].Verdict : ReachabilityVerdict.NotReachable;
            if (verdict is ReachabilityVerdict.Reachable or ReachabilityVerdict.RestrictedExposure)
            {
                open.Add(new OpenPort(ranked[0].Traffic, verdict, ranked[0].Path));
            }

            // The first of the most open questions, as MinBy picks.
            if (best is null || verdict < best.Value.Verdict)
            {
                best = (q, found, ranked, verdict);
            }
        }

        var (bestQuery, bestTraces, bestRanked, _) = best!.Value;
        return ResultComposer.Compose(resourceId, bestQuery, bestTraces, bestRanked) with { Traffic = query, OpenPorts = open };
    }

    /// <param name="recent">Where a group's or configuration's members' endpoints are kept for its question; null for
    /// a resource asked about itself.</param>
    private IEnumerable<PathTrace> Traces(GraphNode resource, TrafficQuery query, SecurityGroup? onlyGroup, RecentValues<GraphNode, IReadOnlyList<NetworkEndpoint>>? recent)
    {
        // Indexed loops here and in CandidateQueries: a foreach over the lists' interface boxes an enumerator for each
        // question of each finding.
        var endpoints = _endpoints.EndpointsOf(resource, recent);
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (_direct.Trace(endpoints[i], query, onlyGroup) is { } trace)
            {
                yield return trace;
            }
        }

        if (_endpoints.Target(resource) is { } target)
        {
            foreach (var trace in _balancers.Traces(target, query, onlyGroup))
            {
                yield return trace;
            }
        }

        if (onlyGroup is null)
        {
            foreach (var managed in _managed.Traces(resource, query))
            {
                yield return managed;
            }
        }
    }

    /// <summary>The traffic worth asking about for an any-traffic question: service ports, and what rules admit from possible internet sources.</summary>
    private IEnumerable<TrafficQuery> CandidateQueries(GraphNode resource, SecurityGroup? onlyGroup, RecentValues<GraphNode, IReadOnlyList<NetworkEndpoint>>? recent)
    {
        var candidates = new List<TrafficQuery>();
        var endpoints = _endpoints.EndpointsOf(resource, recent);
        for (var e = 0; e < endpoints.Count; e++)
        {
            var endpoint = endpoints[e];
            if (endpoint.Service is { } service)
            {
                candidates.Add(service);
                continue;
            }

            for (var g = 0; g < endpoint.Groups.Count; g++)
            {
                var group = endpoint.Groups[g];
                if (onlyGroup is not null && group != onlyGroup)
                {
                    continue;
                }

                var rules = _rules.InboundOf(group);
                for (var r = 0; r < rules.Count; r++)
                {
                    var rule = rules[r];
                    if (!rule.PublicSources.IsEmpty || !rule.HasIngestedSource)
                    {
                        candidates.Add(IpProtocol.HasPorts(rule.Protocol) && rule.FromPort is { } from && rule.ToPort is { } to
                            ? new TrafficQuery(rule.Protocol, (int)from, (int)to)
                            : new TrafficQuery(rule.Protocol, 0, TrafficQuery.MaxPort));
                    }
                }
            }
        }

        if (_endpoints.Target(resource) is { } target)
        {
            candidates.AddRange(_balancers.TargetPorts(target));
        }

        candidates.AddRange(ManagedServicePaths.ServicePorts(resource));
        return candidates;
    }

    /// <summary>One reachable member answers for a whole group: stop there rather than walk thousands.</summary>
    private static IEnumerable<PathTrace> UntilReachable(IEnumerable<PathTrace> traces)
    {
        foreach (var trace in traces)
        {
            yield return trace;
            if (trace.Verdict == ReachabilityVerdict.Reachable)
            {
                yield break;
            }
        }
    }

    /// <summary>Members that carry a path of their own: an instance's ENI stands for the instance (which takes its groups).</summary>
    private static List<GraphNode> MembersOf(SecurityGroup group) =>
    [
        .. group.Node.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Incoming)
            .Where(MemberKinds.AnyMatches)
            .Select(n => n.Neighbors("NETWORK_INTERFACE", Direction.Incoming).Where(CartographyKinds.Ec2Instance.Matches).DefaultIfEmpty(n).First())
            .Distinct()
            .OrderBy(NetworkTopology.IdOf, StringComparer.Ordinal),
    ];

    private static readonly CartographyKind[] MemberKinds =
    [
        CartographyKinds.Ec2Instance, CartographyKinds.NetworkInterface, CartographyKinds.LoadBalancerV2,
        CartographyKinds.LoadBalancer, CartographyKinds.RdsInstance, CartographyKinds.RedshiftCluster,
    ];
}
