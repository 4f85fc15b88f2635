using System.Collections.Concurrent;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

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
        var gatewaysOfVpc = vpc.InternetGateways.ToList();
        var inspected = gatewaysOfVpc.Count > 0 ? walk.ToInspection : [];
        if (walk.ToInternetGateway.Count == 0 && inspected.Count == 0)
        {
            return LayerOutcome.Closed(new EvidenceStep(
                ReachabilityLayer.Route, tableId, EvidenceDecision.Denies, $"{tableId} ({how}): {walk.WhyNoInternetRoute()}", tableId));
        }

        var evidence = new List<EvidenceStep>();
        var missing = new List<string>();
        var definite = walk.Routed;
        var possible = walk.Routed;
        var gateways = walk.ToInternetGateway.Count > 0
            ? string.Join("+", walk.ToInternetGateway.Select(r => r.Target).Distinct())
            : string.Join("+", gatewaysOfVpc.Select(g => NetworkTopology.IdOf(g.Node)));
        evidence.Add(new EvidenceStep(ReachabilityLayer.Route, gateways, EvidenceDecision.Allows, $"internet gateway {gateways} carries inbound traffic into {vpcId}", gateways));
        if (walk.ToInternetGateway.Count > 0 && IngressRedirect(subnet, walk, gatewaysOfVpc) is { } redirect)
        {
            // Ingress routing: the gateway's edge table sends the subnet's traffic through an appliance first.
            definite = AddressSet.Empty;
            evidence.Add(redirect.Step);
            missing.Add(redirect.Missing);
        }

        if (walk.ToInternetGateway.Count > 0)
        {
            var destinations = string.Join(", ", walk.ToInternetGateway.Select(r => r.Destination));
            var elsewhere = walk.Deciding.Where(r => r.Kind == RouteTargetKind.Other || !r.IsActive).Select(r => $"{r.Destination} goes to {r.DescribeTarget()}").ToList();
            evidence.Add(new EvidenceStep(ReachabilityLayer.Route, tableId, EvidenceDecision.Allows,
                $"{tableId} ({how}) routes {destinations} to {gateways}" + (elsewhere.Count == 0 ? "" : $"; {string.Join("; ", elsewhere)}"), tableId));
        }

        if (inspected.Count > 0)
        {
            possible = possible.Union(walk.Inspected);
            foreach (var endpoint in inspected.Select(r => r.Target).Distinct())
            {
                var destinations = string.Join(", ", inspected.Where(r => r.Target == endpoint).Select(r => r.Destination));
                var gap = InspectionPolicy(endpoint);
                evidence.Add(new EvidenceStep(ReachabilityLayer.Route, endpoint, EvidenceDecision.Unknown,
                    $"{tableId} ({how}) routes {destinations} to {endpoint}, an inspection endpoint (Gateway Load Balancer or Network Firewall): internet traffic reaches {subnetId} only through it; {gap}",
                    $"{tableId} → {endpoint}"));
                missing.Add(gap);
            }
        }

        return new LayerOutcome(definite, possible, evidence)
        {
            Missing = missing,
            Fixes =
            [
                .. walk.ToInternetGateway.Select(r => new FixCandidate(
                    ReachabilityLayer.Route, $"remove the route {r.Destination} → {r.Target} from {tableId} (or associate {subnetId} with a private route table)")),
            ],
        };
    }

    private static string InspectionPolicy(string appliance) => $"the firewall policy of {appliance} (inspection rules are not in Cartography's graph)";

    /// <summary>
    /// An internet gateway with an edge route table (ingress routing) whose most specific route for the subnet's
    /// CIDR sends it to an appliance rather than <c>local</c>: every inbound packet passes that appliance.
    /// </summary>
    private static (EvidenceStep Step, string Missing)? IngressRedirect(Subnet subnet, RouteWalk walk, List<InternetGateway> gateways)
    {
        if (!AddressSet.TryParseCidr(subnet.CidrBlock, out var cidr))
        {
            return null;
        }

        var used = walk.ToInternetGateway.Select(r => r.Target).ToHashSet(StringComparer.Ordinal);
        foreach (var gateway in gateways.Where(g => used.Contains(NetworkTopology.IdOf(g.Node))))
        {
            var edgeTables = gateway.Node.Neighbors("ASSOCIATED_IGW_FOR_INGRESS", Direction.Incoming)
                .SelectMany(a => a.Neighbors("ASSOCIATION", Direction.Incoming))
                .Where(CartographyKinds.RouteTable.Matches).Select(RouteTable.Wrap);
            foreach (var edge in edgeTables)
            {
                if (RouteWalk.MostSpecificFor(edge, cidr) is { } route && route.Target != "local")
                {
                    var edgeId = NetworkTopology.IdOf(edge.Node);
                    var gap = InspectionPolicy(route.Target);
                    return (new EvidenceStep(ReachabilityLayer.Route, route.Target, EvidenceDecision.Unknown,
                        $"{NetworkTopology.IdOf(gateway.Node)}'s edge route table {edgeId} (ingress routing) sends {route.Destination} to {route.DescribeTarget()}: inbound traffic for {subnet.CidrBlock} passes that appliance first; {gap}",
                        $"{edgeId} → {route.Target}"), gap);
                }
            }
        }

        return null;
    }

    private static (RouteTable? Table, string How) EffectiveTable(Subnet subnet, Vpc vpc)
    {
        var subnetId = NetworkTopology.IdOf(subnet.Node);
        foreach (var table in subnet.RouteTableAssociations.SelectMany(a => a.RouteTables))
        {
            return (table, $"explicitly associated with {subnetId}");
        }

        // Route tables carry no vpc_id in real graphs: the VPC's tables are its MEMBER_OF_AWS_VPC edges.
        var main = vpc.RouteTables.Where(t => t.Main || t.Associations.Any(a => a.Main)).Select(t => (RouteTable?)t).FirstOrDefault();
        return main is { } mainTable
            ? (mainTable, $"main table of {NetworkTopology.IdOf(vpc.Node)}; {subnetId} has no explicit association")
            : (null, "");
    }
}
