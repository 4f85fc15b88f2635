using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>Routing then the NACL, per subnet; a resource in several subnets (a balancer) is open through any of them.</summary>
internal sealed class SubnetLayer(RouteLayer routes, NetworkAclLayer acls)
{
    /// <summary>The subnets' layers for the sources in <paramref name="sofar"/>, so that a layer that admits none of them is named as the block.</summary>
    public LayerOutcome Evaluate(NetworkEndpoint endpoint, TrafficQuery query, LayerOutcome sofar)
    {
        if (endpoint.Subnets.Count == 0)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.Route, endpoint.ResourceId, $"no subnet ingested for {endpoint.ResourceId}");
        }

        var sources = sofar.SourcesOnly();
        var perSubnet = endpoint.Subnets.Select(subnet => Through(subnet, query, sources)).ToList();
        var outcome = perSubnet.Count == 1 ? perSubnet[0]
            : endpoint.SubnetsAreCandidates ? LayerOutcome.OneOf(perSubnet, [.. endpoint.Subnets.Select(s => NetworkTopology.IdOf(s.Node))], endpoint.ResourceId)
            : LayerOutcome.Either(perSubnet);
        return endpoint.SubnetNote is { } note ? LayerOutcome.Open(note).Then(outcome) : outcome;
    }

    private LayerOutcome Through(Subnet subnet, TrafficQuery query, LayerOutcome sources)
    {
        var routing = sources.Then(routes.Evaluate(subnet));
        return routing.IsClosed ? routing : routing.Then(acls.Evaluate(subnet, query));
    }
}
