using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>Routes, internet gateways and NACLs in front of the baseline instance (public IP, sg-1 tcp/22 from 0.0.0.0/0).</summary>
public class RoutingAndNaclTests
{
    private static CartographyGraph InstanceWith(Func<CartographyGraph, CartographyGraph> network) =>
        network(new CartographyGraph().Network())
            .SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1");

    [Fact]
    public void Baseline_is_reachable_with_its_path_evidence_and_fix()
    {
        var graph = CartographyGraph.Baseline().Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-1", result.Path);
        Assert.Equal("remove 0.0.0.0/0 from sg-1's inbound rule tcp/22-22", result.Fix);
        Assert.Equal(["address", "route", "route", "nacl", "security-group"], result.Evidence.Select(e => e.LayerName));
        Assert.Contains("54.0.0.1", result.Evidence[0].Reason);
        Assert.Empty(result.Missing);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Nacl_deny_90_before_allow_100_blocks()
    {
        var graph = InstanceWith(g => g.PublicRoutes().OpenNacl().NaclRule("acl-1", 90, egress: false, "deny", "6", "0.0.0.0/0", 22, 22)).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 ✗ acl-1#90", result.Path);
        Assert.Contains("rule #90", result.Summary);
        Assert.Null(result.Fix);
        var comparison = graph.Compare("i-1", NetworkExposure.Tcp(22));
        Assert.True(comparison.Cartography.Exposed);
        Assert.Equal(CartographyAgreement.CartographyOverstates, comparison.Agreement);
    }

    [Fact]
    public void Nacl_first_match_wins_allow_100_before_deny_110()
    {
        var graph = InstanceWith(g => g.PublicRoutes().OpenNacl().NaclRule("acl-1", 110, egress: false, "deny", "6", "0.0.0.0/0", 22, 22)).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains("acl-1#100", result.Path);
    }

    [Fact]
    public void Nacl_deny_of_one_range_leaves_the_rest_of_the_internet_named()
    {
        var graph = InstanceWith(g => g.PublicRoutes().OpenNacl().NaclRule("acl-1", 90, egress: false, "deny", "6", "198.51.100.0/24", 22, 22)).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.RestrictedExposure, result.Verdict);
        Assert.Contains("all public IPv4 except 198.51.100.0/24", result.Summary);
        Assert.DoesNotContain("198.51.100.0/24", result.AllowedRanges);
    }

    [Fact]
    public void Nacl_outbound_rules_blocking_ephemeral_ports_close_the_stateless_return_path()
    {
        var graph = InstanceWith(g => g.PublicRoutes()
            .Nacl("acl-1", isDefault: true, "vpc-1", "subnet-1")
            .NaclRule("acl-1", 100, egress: false, "allow")
            .NaclRule("acl-1", 100, egress: true, "allow", "6", "0.0.0.0/0", 80, 443)).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("replies (tcp/32768-65535)", result.Summary);
        Assert.EndsWith("✗ acl-1 egress#32767", result.Path);
        Assert.Equal(CartographyAgreement.CartographyOverstates, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Nacl_outbound_allowing_part_of_the_ephemeral_range_is_enough()
    {
        var graph = InstanceWith(g => g.PublicRoutes()
            .Nacl("acl-1", isDefault: true, "vpc-1", "subnet-1")
            .NaclRule("acl-1", 100, egress: false, "allow", "6", "0.0.0.0/0", 22, 22)
            .NaclRule("acl-1", 100, egress: true, "allow", "6", "0.0.0.0/0", 32768, 65535)).Check();

        Assert.Equal(ReachabilityVerdict.Reachable, graph.Ssh("i-1").Verdict);
    }

    [Fact]
    public void Nacl_outbound_allowing_only_ports_no_client_os_uses_closes_the_return_path()
    {
        var graph = InstanceWith(g => g.PublicRoutes()
            .Nacl("acl-1", isDefault: true, "vpc-1", "subnet-1")
            .NaclRule("acl-1", 100, egress: false, "allow", "6", "0.0.0.0/0", 22, 22)
            .NaclRule("acl-1", 100, egress: true, "allow", "6", "0.0.0.0/0", 1024, 32767)).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.EndsWith("✗ acl-1 egress#32767", result.Path);
    }

    [Fact]
    public void Missing_nacl_edge_uses_the_vpc_default_nacl()
    {
        // Cartography keeps one subnet edge per NACL: subnet-1 has none, acl-1 is the VPC default.
        var graph = InstanceWith(g => g.Subnet("subnet-2", "10.0.2.0/24").PublicRoutes().OpenNacl("subnet-2")).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains(result.Evidence, e => e.Decision == EvidenceDecision.Note && e.Reason.Contains("default network ACL acl-1"));
    }

    [Fact]
    public void No_nacl_ingested_for_the_vpc_is_unknown()
    {
        var graph = InstanceWith(g => g.PublicRoutes()).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal(["no network ACL ingested for vpc-1"], result.Missing);
        Assert.Equal(CartographyAgreement.NotComparable, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Nacl_without_ingested_outbound_rules_is_unknown()
    {
        var graph = InstanceWith(g => g.PublicRoutes()
            .Node("acl-1", ["AWSEC2NetworkAcl", "EC2NetworkAcl"], ("is_default", true)).Edge("acl-1", "MEMBER_OF_AWS_VPC", "vpc-1")
            .NaclRule("acl-1", 100, egress: false, "allow")).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal(["no outbound rules ingested for acl-1"], result.Missing);
    }

    [Fact]
    public void Route_to_a_nat_gateway_is_not_inbound_internet()
    {
        var graph = InstanceWith(g => g.RouteTable("rtb-1").Associate("rtb-1", "subnet-1").Route("rtb-1", "0.0.0.0/0", natGatewayId: "nat-1").OpenNacl()).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ rtb-1", result.Path);
        Assert.Contains("NAT gateway nat-1", result.Summary);
        Assert.Equal(CartographyAgreement.CartographyOverstates, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Blackhole_route_to_the_igw_is_not_reachable()
    {
        var graph = InstanceWith(g => g.RouteTable("rtb-1").Associate("rtb-1", "subnet-1").Route("rtb-1", "0.0.0.0/0", gatewayId: "igw-1", state: "blackhole").OpenNacl()).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("blackhole", result.Summary);
    }

    [Fact]
    public void More_specific_route_to_a_nat_narrows_the_igw_default_route()
    {
        var graph = InstanceWith(g => g.PublicRoutes().Route("rtb-1", "198.51.100.0/24", natGatewayId: "nat-1").OpenNacl()).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.RestrictedExposure, result.Verdict);
        Assert.Contains("except 198.51.100.0/24", result.Summary);
    }

    [Fact]
    public void Subnet_without_explicit_association_uses_the_main_table()
    {
        var graph = InstanceWith(g => g.RouteTable("rtb-main", main: true).Route("rtb-main", "0.0.0.0/0", gatewayId: "igw-1").OpenNacl()).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-main → acl-1#100 → sg-1 tcp/22 → i-1", result.Path);
        Assert.Contains(result.Evidence, e => e.NodeId == "rtb-main" && e.Reason.Contains("main table of vpc-1"));
    }

    [Fact]
    public void Explicit_private_association_overrides_a_public_main_table()
    {
        var graph = InstanceWith(g => g
            .RouteTable("rtb-main", main: true).Route("rtb-main", "0.0.0.0/0", gatewayId: "igw-1")
            .RouteTable("rtb-private").Associate("rtb-private", "subnet-1").Route("rtb-private", "0.0.0.0/0", natGatewayId: "nat-1")
            .OpenNacl()).Check();

        Assert.Equal("internet ✗ rtb-private", graph.Ssh("i-1").Path);
    }

    [Fact]
    public void No_route_table_ingested_is_unknown_naming_the_vpc()
    {
        var graph = InstanceWith(g => g.OpenNacl()).Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal(["no route table ingested for vpc-1"], result.Missing);
        Assert.Contains("no route table ingested for vpc-1", result.Summary);
    }

    [Fact]
    public void Missing_routing_does_not_hide_a_closed_security_group()
    {
        var graph = new CartographyGraph().Network().OpenNacl().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 80, 80, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1").Check();

        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Ssh("i-1").Verdict);
    }
}
