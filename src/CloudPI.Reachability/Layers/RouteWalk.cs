using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>Where a route sends traffic, as far as inbound internet traffic is concerned.</summary>
internal enum RouteTargetKind
{
    /// <summary>An internet gateway: traffic in and out.</summary>
    InternetGateway,

    /// <summary>A Gateway Load Balancer or Network Firewall endpoint: traffic passes an inspection appliance whose policy the graph lacks.</summary>
    Inspection,

    /// <summary>Anything else (local, NAT, egress-only gateway, peering, transit gateway, an appliance instance): no inbound internet path.</summary>
    Other,
}

/// <summary>One IPv4 or IPv6 route as the walk needs it: destination, where it goes, whether it carries traffic.</summary>
internal sealed record RouteEntry(string Destination, AddressSet Addresses, string Target, RouteTargetKind Kind, bool IsActive)
{
    public bool IsInternetGateway => Kind == RouteTargetKind.InternetGateway;

    public static RouteEntry? Of(Route route)
    {
        var destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock;
        if (!AddressSet.TryParseCidr(destination, out var addresses))
        {
            return null;
        }

        var gateway = route.InternetGateways.Select(g => NetworkTopology.IdOf(g.Node)).FirstOrDefault();
        var endpoint = route.VpcEndpointId ?? (route.GatewayId?.StartsWith("vpce-", StringComparison.Ordinal) == true ? route.GatewayId : null);
        var kind = gateway is not null || route.GatewayId?.StartsWith("igw-", StringComparison.Ordinal) == true ? RouteTargetKind.InternetGateway
            : endpoint is not null ? RouteTargetKind.Inspection
            : RouteTargetKind.Other;
        var target = gateway ?? endpoint ?? route.GatewayId ?? route.NatGatewayId ?? route.EgressOnlyInternetGatewayId ?? route.TransitGatewayId
            ?? route.VpcPeeringConnectionId ?? route.InstanceId ?? route.NetworkInterfaceId ?? "an unnamed target";
        var state = route.State;
        return new RouteEntry(destination!, addresses, target, kind, state is null || state == "active");
    }

    public string DescribeTarget() => Target switch
    {
        _ when Kind != RouteTargetKind.Other && !IsActive => $"{Target}, but the route is a blackhole (target detached or deleted)",
        var t when t.StartsWith("nat-", StringComparison.Ordinal) => $"NAT gateway {t}, which carries outbound connections only",
        var t when t.StartsWith("eigw-", StringComparison.Ordinal) => $"egress-only internet gateway {t}, which carries outbound IPv6 connections only",
        "local" => "the VPC itself (local)",
        var t => t,
    };
}

/// <summary>
/// Longest-prefix match over a route table for every internet source (IPv4 and IPv6) at once: sources whose most
/// specific route is an active route to an internet gateway are routed; to an inspection endpoint, inspected.
/// </summary>
internal sealed record RouteWalk(AddressSet Routed, AddressSet Inspected, IReadOnlyList<RouteEntry> ToInternetGateway, IReadOnlyList<RouteEntry> ToInspection, IReadOnlyList<RouteEntry> Deciding)
{
    public static RouteWalk Of(RouteTable table)
    {
        var routes = table.Routes.Select(RouteEntry.Of).OfType<RouteEntry>().OrderBy(r => r.Addresses.Count);
        var undecided = AddressSet.PublicInternet;
        var routed = AddressSet.Empty;
        var inspected = AddressSet.Empty;
        var toGateway = new List<RouteEntry>();
        var toInspection = new List<RouteEntry>();
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
            if (!route.IsActive)
            {
                continue;
            }

            if (route.Kind == RouteTargetKind.InternetGateway)
            {
                routed = routed.Union(decided);
                toGateway.Add(route);
            }
            else if (route.Kind == RouteTargetKind.Inspection)
            {
                inspected = inspected.Union(decided);
                toInspection.Add(route);
            }
        }

        return new RouteWalk(routed, inspected, toGateway, toInspection, deciding);
    }

    /// <summary>The most specific route of <paramref name="table"/> whose destination holds all of <paramref name="cidr"/>.</summary>
    public static RouteEntry? MostSpecificFor(RouteTable table, AddressSet cidr) =>
        table.Routes.Select(RouteEntry.Of).OfType<RouteEntry>().Where(r => r.Addresses.Covers(cidr)).MinBy(r => r.Addresses.Count);

    public string WhyNoInternetRoute() => Deciding.Count == 0
        ? "no route for internet addresses, so replies cannot leave through an internet gateway"
        : string.Join("; ", Deciding.Select(r => $"{r.Destination} goes to {r.DescribeTarget()}")) + ": no active route to an internet gateway";
}
