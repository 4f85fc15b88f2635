using System.Collections.Concurrent;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Analysis.Reachability.Layers;

/// <summary>
/// Routing: which internet sources can talk to a subnet through an internet gateway. Replies follow the subnet's
/// effective route table (its explicit association, else the VPC's main table) by longest prefix, so the sources
/// are those whose best route is an active route to an IGW: a NAT gateway, a blackhole or no route closes it.
/// </summary>
internal sealed class RouteLayer(NetworkTopology topology)
{
    private readonly ConcurrentDictionary<GraphNode, LayerOutcome> _bySubnet = new();

    public LayerOutcome Evaluate(Subnet subnet) => _bySubnet.GetOrAdd(subnet.Node, _ => Decide(subnet));

    private LayerOutcome Decide(Subnet subnet)
    {
        var subnetId = NetworkTopology.IdOf(subnet.Node);
        if (topology.VpcOf(subnet) is not { } vpc)
        {
            return LayerOutcome.Unknown(ReachabilityLayer.Route, subnetId, $"no VPC ingested for subnet {subnetId}");
        }

        var vpcId = NetworkTopology.IdOf(vpc.Node);
        var (table, how) = EffectiveTable(subnet, vpc);
        if (table is not { } routeTable)
        {
            return LayerOutcome.Unknown(
                ReachabilityLayer.Route,
                vpcId,
                vpc.RouteTables.Any()
                    ? $"no main route table ingested for {vpcId}, and subnet {subnetId} has no explicit association"
                    : $"no route table ingested for {vpcId}");
        }

        var tableId = NetworkTopology.IdOf(routeTable.Node);
        var walk = RouteWalk.Of(routeTable);
        if (walk.ToInternetGateway.Count == 0)
        {
            return LayerOutcome.Closed(new EvidenceStep(
                ReachabilityLayer.Route, tableId, EvidenceDecision.Denies, $"{tableId} ({how}): {walk.WhyNoInternetRoute()}", tableId));
        }

        var gateways = string.Join("+", walk.ToInternetGateway.Select(r => r.Target).Distinct());
        var destinations = string.Join(", ", walk.ToInternetGateway.Select(r => r.Destination));
        return new LayerOutcome(walk.Routed, walk.Routed,
        [
            new EvidenceStep(ReachabilityLayer.Route, gateways, EvidenceDecision.Allows, $"internet gateway {gateways} carries inbound traffic into {vpcId}", gateways),
            new EvidenceStep(ReachabilityLayer.Route, tableId, EvidenceDecision.Allows, $"{tableId} ({how}) routes {destinations} to {gateways}", tableId),
        ])
        {
            Fixes = [.. walk.ToInternetGateway.Select(r => new FixCandidate(
                ReachabilityLayer.Route, $"remove the route {r.Destination} → {r.Target} from {tableId} (or associate {subnetId} with a private route table)"))],
        };
    }

    private static (RouteTable? Table, string How) EffectiveTable(Subnet subnet, Vpc vpc)
    {
        var subnetId = NetworkTopology.IdOf(subnet.Node);
        foreach (var table in subnet.RouteTableAssociations.SelectMany(a => a.RouteTables))
        {
            return (table, $"explicitly associated with {subnetId}");
        }

        // Route tables carry no vpc_id in real graphs (quirk 1): the VPC's tables are its MEMBER_OF_AWS_VPC edges.
        var main = vpc.RouteTables.Where(t => t.Main || t.Associations.Any(a => a.Main)).Select(t => (RouteTable?)t).FirstOrDefault();
        return main is { } mainTable
            ? (mainTable, $"main table of {NetworkTopology.IdOf(vpc.Node)}; {subnetId} has no explicit association")
            : (null, "");
    }
}
