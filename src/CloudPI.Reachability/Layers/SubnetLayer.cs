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

    private readonly ConcurrentDictionary<SubnetsKey, SubnetsSum> _several = new();

    /// <summary>The subnets' layers for the sources in <paramref name="sofar"/>, so that a layer that admits none of them is named as the block.</summary>
    public LayerOutcome Evaluate(NetworkEndpoint endpoint, TrafficQuery query, LayerOutcome sofar)
    {
        if (endpoint.Subnets.Count == 0)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.Route, endpoint.ResourceId, $"no subnet ingested for {endpoint.ResourceId}");
        }

        if (endpoint.Subnets.Count == 1 && endpoint.SubnetNote is null)
        {
            return OneSubnet(endpoint.Subnets[0], query, sofar);
        }

        return Several(endpoint, query, sofar);
    }

    private LayerOutcome OneSubnet(Subnet subnet, TrafficQuery query, LayerOutcome sofar) =>
        _oneSubnet.GetOrAdd(
            (subnet.Node.Index, query, sofar.Definite, sofar.Possible),
            static (key, state) => state.Layer.Through(state.Subnet, key.Query, state.Sofar.SourcesOnly()),
            (Layer: this, Subnet: subnet, Sofar: sofar));

    /// <summary>Each subnet's outcome, then their sum, decided once for a list of subnets, a traffic and the sources that
    /// got that far: the subnets of a database's subnet group, of a balancer or of a VPC are shared by many resources, and
    /// summing them (which one is most open, what every one of them would need to close) is what cost, not the look-up
    /// (the Cartography producer's 43,632 findings on 100k resources: 7,937 sums, 7% of the exploitability analysis).
    /// Only the words that name the resource are written for each.</summary>
    private LayerOutcome Several(NetworkEndpoint endpoint, TrafficQuery query, LayerOutcome sofar)
    {
        var subnets = endpoint.Subnets;
        var indexes = new int[subnets.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = subnets[i].Node.Index;
        }

        var sum = _several.GetOrAdd(
            new SubnetsKey(indexes, endpoint.SubnetsAreCandidates, query, sofar.Definite, sofar.Possible),
            static (key, state) =>
            {
                var perSubnet = new LayerOutcome[state.Subnets.Count];
                for (var i = 0; i < perSubnet.Length; i++)
                {
                    perSubnet[i] = state.Layer.OneSubnet(state.Subnets[i], key.Query, state.Sofar);
                }

                return perSubnet.Length == 1 ? new SubnetsSum(perSubnet[0], Candidates: null)
                    : key.Candidates ? new SubnetsSum(null, LayerOutcome.SumOfCandidates(perSubnet))
                    : new SubnetsSum(LayerOutcome.Either(perSubnet), Candidates: null);
            },
            (Layer: this, Subnets: subnets, Sofar: sofar));
        var outcome = sum.Candidates is not { } candidates ? sum.Outcome!
            : candidates.Agree ? candidates.Best
            : LayerOutcome.Disagreeing(candidates, [.. subnets.Select(s => NetworkTopology.IdOf(s.Node))], endpoint.ResourceId);
        return endpoint.SubnetNote is { } note ? LayerOutcome.Open(note).Then(outcome) : outcome;
    }

    /// <summary>A sum of subnets' outcomes: the outcome itself, or for candidates (one of them holds the resource), their
    /// sum before the resource is named.</summary>
    private sealed record SubnetsSum(LayerOutcome? Outcome, LayerOutcome.CandidatesSum? Candidates);

    /// <summary>The subnets by index, in the endpoint's order, and what else decides their sum.</summary>
    private readonly record struct SubnetsKey(int[] Subnets, bool Candidates, TrafficQuery Query, AddressSet Definite, AddressSet Possible)
    {
        public bool Equals(SubnetsKey other) =>
            Subnets.AsSpan().SequenceEqual(other.Subnets) && Candidates == other.Candidates && Query.Equals(other.Query)
            && Definite.Equals(other.Definite) && Possible.Equals(other.Possible);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var subnet in Subnets)
            {
                hash.Add(subnet);
            }

            hash.Add(Candidates);
            hash.Add(Query);
            hash.Add(Definite);
            hash.Add(Possible);
            return hash.ToHashCode();
        }
    }

    private LayerOutcome Through(Subnet subnet, TrafficQuery query, LayerOutcome sources)
    {
        var routing = sources.Then(routes.Evaluate(subnet));
        return routing.IsClosed ? routing : routing.Then(acls.Evaluate(subnet, query));
    }
}
