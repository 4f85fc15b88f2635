using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// Inspection routing: a workload subnet whose default route goes to a Gateway Load Balancer or Network Firewall
/// endpoint (<c>vpce-…</c>), and internet gateways with an edge route table (ingress routing).
/// </summary>
public class InspectionRoutingTests
{
    private static CartographyGraph Workload(Func<CartographyGraph, CartographyGraph> routes) =>
        routes(new CartographyGraph().Network())
            .OpenNacl()
            .SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1");

    [Fact]
    public void Default_route_to_an_inspection_endpoint_is_unknown_not_unreachable()
    {
        var graph = Workload(g => g.RouteTable("rtb-1").Associate("rtb-1", "subnet-1")
            .Route("rtb-1", "10.0.0.0/16", gatewayId: "local").EndpointRoute("rtb-1", "0.0.0.0/0", "vpce-fw1")).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal("internet → igw-1 → ? rtb-1 → vpce-fw1 → acl-1#100 → sg-1 tcp/22 → i-1", result.Path);
        Assert.Contains(result.Missing, m => m.StartsWith("the firewall policy of vpce-fw1", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspection_route_in_a_vpc_without_an_internet_gateway_leads_nowhere()
    {
        var graph = new CartographyGraph().Vpc().Subnet("subnet-1", "10.0.1.0/24")
            .RouteTable("rtb-1").Associate("rtb-1", "subnet-1").EndpointRoute("rtb-1", "0.0.0.0/0", "vpce-fw1")
            .OpenNacl()
            .SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ rtb-1", result.Path);
    }

    [Fact]
    public void Edge_route_table_sending_the_subnet_to_an_appliance_makes_a_direct_route_unknown()
    {
        var graph = Workload(g => g.PublicRoutes()
            .RouteTable("rtb-edge").EdgeAssociation("rtb-edge", "igw-1")
            .Route("rtb-edge", "10.0.0.0/16", gatewayId: "local").EndpointRoute("rtb-edge", "10.0.1.0/24", "vpce-fw1")).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal("internet → igw-1 → ? rtb-edge → vpce-fw1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-1", result.Path);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("edge route table rtb-edge (ingress routing) sends 10.0.1.0/24 to vpce-fw1", StringComparison.Ordinal));
    }

    [Fact]
    public void Edge_route_table_that_delivers_the_subnet_locally_changes_nothing()
    {
        var graph = Workload(g => g.PublicRoutes()
            .RouteTable("rtb-edge").EdgeAssociation("rtb-edge", "igw-1")
            .Route("rtb-edge", "10.0.0.0/16", gatewayId: "local")).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-1", result.Path);
    }
}
