using System.Collections.Concurrent;
using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>Routing then the NACL, per subnet; a resource in several subnets (a balancer) is open through any of them.</summary>
internal sealed class SubnetLayer(RouteLayer routes, NetworkAclLayer acls)
{
    // Most endpoints sit in one subnet, shared with many others: its outcome for a traffic and the sources that got
    // that far is decided once (few distinct source sets reach a subnet: public IPv4, IPv6, both).
    private readonly ConcurrentDictionary<(int Subnet, TrafficQuery Query, AddressSet Definite, AddressSet Possible), LayerOutcome> _oneSubnet = new();

    /// <summary>The subnets' layers for the sources in <paramref name="sofar"/>, so that a layer that admits none of them is named as the block.</summary>
    public LayerOutcome Evaluate(NetworkEndpoint endpoint, TrafficQuery query, LayerOutcome sofar)
    {
        if (endpoint.Subnets.Count == 0)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.Route, endpoint.ResourceId, $"no subnet ingested for {endpoint.ResourceId}");
        }

        if (endpoint.Subnets.Count == 1 && endpoint.SubnetNote is null)
        {
            var subnet = endpoint.Subnets[0];
            return _oneSubnet.GetOrAdd(
                (subnet.Node.Index, query, sofar.Definite, sofar.Possible),
                static (key, state) => state.Layer.Through(state.Subnet, key.Query, state.Sofar.SourcesOnly()),
                (Layer: this, Subnet: subnet, Sofar: sofar));
        }

        return Several(endpoint, query, sofar.SourcesOnly());
    }

    /// <summary>Each subnet's outcome, then their sum. A method of its own: its lambda's captures would otherwise be
    /// allocated on every endpoint's way in, one subnet or several.</summary>
    private LayerOutcome Several(NetworkEndpoint endpoint, TrafficQuery query, LayerOutcome sources)
    {
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
