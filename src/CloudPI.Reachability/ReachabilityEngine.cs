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

        return Answer(resourceId, query, new OneResource(this, resource));
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

        return Answer(groupId, query, new GroupMembers(this, group, members, EndpointResolver.RecentFor(members.Count)));
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

        var result = Answer(resourceId, query, new ConfigurationMembers(this, resourceId, members, EndpointResolver.RecentFor(members.Count)));
        return RunningResources.Judged(result, kind, members);
    }

    /// <summary>What a question is about: the paths it finds for one traffic, and the traffic worth asking about. Structs
    /// over which <see cref="Answer"/> is generic: delegates over the resource would be allocated for every question.</summary>
    private interface IQuestionSubject
    {
        void AddTraces(TrafficQuery query, List<PathTrace> into);

        void AddCandidates(List<TrafficQuery> into);
    }

    private readonly struct OneResource(ReachabilityEngine engine, GraphNode resource) : IQuestionSubject
    {
        public void AddTraces(TrafficQuery query, List<PathTrace> into) => engine.AddTraces(resource, query, onlyGroup: null, recent: null, into);

        public void AddCandidates(List<TrafficQuery> into) => engine.AddCandidateQueries(resource, onlyGroup: null, recent: null, into);
    }

    /// <summary>A group's members, through the group's own rules; one reachable member answers for the whole group
    /// (<see cref="UntilReachable"/>), so thousands are not walked.</summary>
    private readonly struct GroupMembers(ReachabilityEngine engine, SecurityGroup group, List<GraphNode> members, EndpointResolver.MemberTables recent)
        : IQuestionSubject
    {
        public void AddTraces(TrafficQuery query, List<PathTrace> into)
        {
            foreach (var member in members)
            {
                var start = into.Count;
                engine.AddTraces(member, query, group, recent, into);
                if (UntilReachable(into, start))
                {
                    return;
                }
            }
        }

        public void AddCandidates(List<TrafficQuery> into)
        {
            foreach (var member in members)
            {
                engine.AddCandidateQueries(member, group, recent, into);
            }
        }
    }

    /// <summary>A configuration's running resources, each path continued through the relation to the object; one
    /// reachable resource answers for it.</summary>
    private readonly struct ConfigurationMembers(
        ReachabilityEngine engine, string resourceId, IReadOnlyList<RunningMember> members, EndpointResolver.MemberTables recent)
        : IQuestionSubject
    {
        public void AddTraces(TrafficQuery query, List<PathTrace> into)
        {
            foreach (var member in members)
            {
                var start = into.Count;
                engine.AddTraces(member.Node, query, onlyGroup: null, recent, into);
                for (var i = start; i < into.Count; i++)
                {
                    into[i] = RunningResources.Through(into[i], member, resourceId);
                }

                if (UntilReachable(into, start))
                {
                    return;
                }
            }
        }

        public void AddCandidates(List<TrafficQuery> into)
        {
            foreach (var member in members)
            {
                engine.AddCandidateQueries(member.Node, onlyGroup: null, recent, into);
            }
        }
    }

    private const int CandidatesSearchedInList = 16;

    /// <summary>Room for a resource's usual candidates (a port or three per group, a service port) before the list grows.</summary>
    private const int CandidatesExpected = 8;

    /// <summary>
    /// The candidates in first-seen order, once each: a group's members can repeat the same ports thousands of times.
    /// Searched in the list while it is short (a resource's usual one to three ports), in a set beyond; in place.
    /// </summary>
    private static void KeepFirstOfEach(List<TrafficQuery> candidates)
    {
        var kept = 0;
        HashSet<TrafficQuery>? seen = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var isNew = kept < CandidatesSearchedInList
                ? candidates.IndexOf(candidate, 0, kept) < 0
                : (seen ??= [.. candidates.GetRange(0, kept)]).Add(candidate);
            if (isNew)
            {
                candidates[kept++] = candidate;
            }
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    private ReachabilityResult Answer<TSubject>(string resourceId, TrafficQuery query, TSubject subject)
        where TSubject : IQuestionSubject
    {
        if (!query.IsAnyTraffic)
        {
            var traces = new List<PathTrace>();
            subject.AddTraces(query, traces);
            return ResultComposer.Compose(resourceId, query, traces);
        }

        // Any traffic: ask about each protocol/port something admits, and list those found open. Each question's
        // verdict is its most open path's; only the most open question is composed into the answer with its evidence.
        var asked = new List<TrafficQuery>(CandidatesExpected);
        subject.AddCandidates(asked);
        KeepFirstOfEach(asked);
        if (asked.Count == 0)
        {
            asked.Add(TrafficQuery.AnyTraffic);
        }

        var open = new List<OpenPort>();
        (TrafficQuery Query, List<PathTrace> Traces, List<PathTrace> Ranked, ReachabilityVerdict Verdict)? best = null;
        foreach (var q in asked)
        {
            var found = new List<PathTrace>();
            subject.AddTraces(q, found);
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
        return ResultComposer.Compose(resourceId, bestQuery, bestTraces, bestRanked, (query, open));
    }

    /// <param name="recent">Where a group's or configuration's members' endpoints are kept for its question; null for
    /// a resource asked about itself.</param>
    private void AddTraces(GraphNode resource, TrafficQuery query, SecurityGroup? onlyGroup, EndpointResolver.MemberTables? recent, List<PathTrace> into)
    {
        // Indexed loops here and in AddCandidateQueries: a foreach over the lists' interface boxes an enumerator for each
        // question of each finding.
        var endpoints = _endpoints.EndpointsOf(resource, recent);
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (_direct.Trace(endpoints[i], query, onlyGroup) is { } trace)
            {
                into.Add(trace);
            }
        }

        if (_endpoints.Target(resource, recent) is { } target)
        {
            into.AddRange(_balancers.Traces(target, query, onlyGroup));
        }

        if (onlyGroup is null)
        {
            into.AddRange(_managed.Traces(resource, query));
        }
    }

    /// <summary>The traffic worth asking about for an any-traffic question: service ports, and what rules admit from possible internet sources.</summary>
    private void AddCandidateQueries(GraphNode resource, SecurityGroup? onlyGroup, EndpointResolver.MemberTables? recent, List<TrafficQuery> candidates)
    {
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

        if (_endpoints.Target(resource, recent) is { } target)
        {
            candidates.AddRange(_balancers.TargetPorts(target));
        }

        candidates.AddRange(ManagedServicePaths.ServicePorts(resource));
    }

    /// <summary>One reachable member answers for a whole group: the paths from <paramref name="start"/> on are kept up to
    /// the first reachable one, and true says one was found (the question stops there rather than walk thousands).</summary>
    private static bool UntilReachable(List<PathTrace> traces, int start)
    {
        for (var i = start; i < traces.Count; i++)
        {
            if (traces[i].Verdict == ReachabilityVerdict.Reachable)
            {
                traces.RemoveRange(i + 1, traces.Count - i - 1);
                return true;
            }
        }

        return false;
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

    private static readonly CartographyKindSet MemberKinds = new(
        CartographyKinds.Ec2Instance, CartographyKinds.NetworkInterface, CartographyKinds.LoadBalancerV2,
        CartographyKinds.LoadBalancer, CartographyKinds.RdsInstance, CartographyKinds.RedshiftCluster);
}
