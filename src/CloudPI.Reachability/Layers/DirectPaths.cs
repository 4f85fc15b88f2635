using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>The internet straight to an endpoint: address, service port, subnets (route, NACL), listener, security groups.</summary>
internal sealed class DirectPaths(SubnetLayer subnets, SecurityGroupLayer groups)
{
    /// <summary>
    /// The path for <paramref name="query"/>; with <paramref name="onlyGroup"/> only that group's rules count (the
    /// question "does this group expose the endpoint"), and endpoints outside the group have no path (null).
    /// </summary>
    public PathTrace? Trace(NetworkEndpoint endpoint, TrafficQuery query, SecurityGroup? onlyGroup = null)
    {
        var endpointGroups = onlyGroup is { } only ? Only(endpoint.Groups, only) : endpoint.Groups;
        if (onlyGroup is not null && endpointGroups.Count == 0)
        {
            return null;
        }

        var trace = PathTrace.FromInternet(endpoint.ResourceId, query).Then(endpoint.Exposure);
        if (endpoint.Service is { } service)
        {
            if (query.Within(service) is not { } served)
            {
                return trace.Then(LayerOutcome.Closed(new EvidenceStep(
                    ReachabilityLayer.Service, endpoint.ResourceId, EvidenceDecision.Denies, $"{endpoint.ResourceId} accepts {service} only, not {query}", endpoint.ResourceId)));
            }

            query = served;
            trace = trace.Towards(endpoint.ResourceId, query);
        }

        // Later layers are consulted only while the path is open (tested here, not in a closure: one path per question).
        if (trace.IsClosed)
        {
            return trace;
        }

        trace = trace.Then(subnets.Evaluate(endpoint, query, trace.Sofar));
        if (endpoint.ServiceStep is { } listener)
        {
            trace = trace.Then(LayerOutcome.Open(listener));
        }

        if (trace.IsClosed)
        {
            return trace;
        }

        trace = trace.Then(endpointGroups.Count == 0 && endpoint.MayHaveNoGroups
            ? LayerOutcome.Open(new EvidenceStep(ReachabilityLayer.SecurityGroup, endpoint.ResourceId, EvidenceDecision.Note,
                "no security group: a network load balancer without one is guarded only by routes and NACLs"))
            : groups.FromInternet(endpointGroups, query, endpoint.ResourceId));
        return endpoint.FinalHops is { } hops ? trace.Then(hops) : trace;
    }

    /// <summary>The endpoint's groups that are <paramref name="only"/> (a loop: a lambda here would allocate its closure on every path).</summary>
    private static List<SecurityGroup> Only(IReadOnlyList<SecurityGroup> groups, SecurityGroup only)
    {
        var kept = new List<SecurityGroup>(1);
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] == only)
            {
                kept.Add(groups[i]);
            }
        }

        return kept;
    }
}
