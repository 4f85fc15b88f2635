using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Analysis.Reachability.Layers;

/// <summary>One IPv4 route as the walk needs it: destination, where it goes, whether it carries traffic.</summary>
internal sealed record RouteEntry(string Destination, AddressSet Addresses, string Target, bool IsInternetGateway, bool IsActive)
{
    public static RouteEntry? Of(Route route)
    {
        if (!AddressSet.TryParseCidr(route.DestinationCidrBlock, out var addresses))
        {
            return null;
        }

        var gateway = route.InternetGateways.Select(g => NetworkTopology.IdOf(g.Node)).FirstOrDefault();
        var toInternetGateway = gateway is not null || route.GatewayId?.StartsWith("igw-", StringComparison.Ordinal) == true;
        var target = gateway ?? route.GatewayId ?? route.NatGatewayId ?? route.TransitGatewayId ?? route.VpcPeeringConnectionId
            ?? route.Node.Properties.GetString("instance_id") ?? route.Node.Properties.GetString("network_interface_id") ?? "an unnamed target";
        var state = route.State;
        return new RouteEntry(route.DestinationCidrBlock!, addresses, target, toInternetGateway, state is null || state == "active");
    }

    public string DescribeTarget() => Target switch
    {
        _ when IsInternetGateway && !IsActive => $"{Target}, but the route is a blackhole (gateway detached or deleted)",
        var t when t.StartsWith("nat-", StringComparison.Ordinal) => $"NAT gateway {t}, which carries outbound connections only",
        "local" => "the VPC itself (local)",
        var t => t,
    };
}

/// <summary>
/// Longest-prefix match over a route table for every IPv4 source at once: the sources whose most specific route is
/// an active route to an internet gateway are routed.
/// </summary>
internal sealed record RouteWalk(AddressSet Routed, IReadOnlyList<RouteEntry> ToInternetGateway, IReadOnlyList<RouteEntry> Deciding)
{
    public static RouteWalk Of(RouteTable table)
    {
        var routes = table.Routes.Select(RouteEntry.Of).OfType<RouteEntry>().OrderBy(r => r.Addresses.Count);
        var undecided = AddressSet.PublicInternet;
        var routed = AddressSet.Empty;
        var toGateway = new List<RouteEntry>();
        var deciding = new List<RouteEntry>();
        foreach (var route in routes)
        {
            var decided = undecided.Intersect(route.Addresses);
            if (decided.IsEmpty)
            {
                continue;
            }

            undecided = undecided.Subtract(decided);
            deciding.Add(route);
            if (route.IsInternetGateway && route.IsActive)
            {
                routed = routed.Union(decided);
                toGateway.Add(route);
            }
        }

        return new RouteWalk(routed, toGateway, deciding);
    }

    public string WhyNoInternetRoute() => Deciding.Count == 0
        ? "no route for internet addresses, so replies cannot leave through an internet gateway"
        : string.Join("; ", Deciding.Select(r => $"{r.Destination} goes to {r.DescribeTarget()}")) + ": no active route to an internet gateway";
}
