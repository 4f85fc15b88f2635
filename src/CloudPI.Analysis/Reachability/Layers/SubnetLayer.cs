using CloudPI.Graph.Cartography;

namespace CloudPI.Analysis.Reachability.Layers;

/// <summary>Routing then the NACL, per subnet; a resource in several subnets (a balancer) is open through any of them.</summary>
internal sealed class SubnetLayer(RouteLayer routes, NetworkAclLayer acls)
{
    public LayerOutcome Evaluate(NetworkEndpoint endpoint, TrafficQuery query)
    {
        if (endpoint.Subnets.Count == 0)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.Route, endpoint.ResourceId, $"no subnet ingested for {endpoint.ResourceId}");
        }

        var perSubnet = endpoint.Subnets.Select(subnet => Through(subnet, query)).ToList();
        var outcome = perSubnet.Count == 1 ? perSubnet[0] : LayerOutcome.Either(perSubnet);
        return endpoint.SubnetNote is { } note ? LayerOutcome.Open(note).Then(outcome) : outcome;
    }

    private LayerOutcome Through(Subnet subnet, TrafficQuery query)
    {
        var routing = routes.Evaluate(subnet);
        return routing.IsClosed ? routing : routing.Then(acls.Evaluate(subnet, query));
    }
}
