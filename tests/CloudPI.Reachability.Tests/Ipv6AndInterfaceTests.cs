using CloudPI.Reachability;
using CloudPI.Controls;

namespace CloudPI.Reachability.Tests;

/// <summary>IPv6 end to end, and instances with several network interfaces judged per interface.</summary>
public class Ipv6AndInterfaceTests
{
    /// <summary>vpc-1/subnet-1 with IPv4 and IPv6 default routes to igw-1, a dual-stack default NACL, and i-1 on eni-1 (IPv6 only).</summary>
    private static CartographyGraph DualStack(Func<CartographyGraph, CartographyGraph> ipv6Route, Func<CartographyGraph, CartographyGraph> rules, bool ipv6Nacl = true)
    {
        var graph = ipv6Route(new CartographyGraph().Network().PublicRoutes())
            .Nacl("acl-1", isDefault: true, "vpc-1", "subnet-1")
            .NaclRule("acl-1", 100, egress: false, "allow").NaclRule("acl-1", 100, egress: true, "allow");
        if (ipv6Nacl)
        {
            graph.NaclRule("acl-1", 101, egress: false, "allow", cidr: null, ipv6Cidr: "::/0").NaclRule("acl-1", 101, egress: true, "allow", cidr: null, ipv6Cidr: "::/0");
        }

        return rules(graph.SecurityGroup("sg-1"))
            .Instance("i-1", "subnet-1", null, "running", "sg-1")
            .Interface("eni-1", "subnet-1", null, "10.0.1.10", "sg-1").Edge("i-1", "NETWORK_INTERFACE", "eni-1")
            .Ipv6Address("eni-1", "2600:1f18:1:2::10");
    }

    private static CartographyGraph Ipv6ToGateway(CartographyGraph g) => g.Ipv6Route("rtb-1", "::/0", gatewayId: "igw-1");

    /// <summary>IPv6 SG ranges are not ingested by Cartography: a ::/0 rule is a rule node with no range.</summary>
    private static CartographyGraph UningestedIpv6Rule(CartographyGraph g) => g.Inbound("sg-1", "tcp", 443, 443);

    [Fact]
    public void Ipv6_only_workload_behind_an_ipv6_rule_cartography_did_not_ingest_is_unknown_not_false()
    {
        var result = DualStack(Ipv6ToGateway, UningestedIpv6Rule).Check().Reach("i-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("2600:1f18:1:2::10 (IPv6 address of eni-1)", StringComparison.Ordinal));
        Assert.Contains("? sg-1 tcp/443", result.Path);
    }

    [Fact]
    public void Ipv6_only_workload_with_an_ipv4_rule_only_is_not_reachable()
    {
        var result = DualStack(Ipv6ToGateway, g => g.Inbound("sg-1", "tcp", 443, 443, "0.0.0.0/0")).Check().Reach("i-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
    }

    [Fact]
    public void Egress_only_gateway_carries_no_inbound_ipv6()
    {
        var result = DualStack(g => g.Ipv6Route("rtb-1", "::/0", egressOnlyGatewayId: "eigw-1"), UningestedIpv6Rule).Check().Reach("i-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.EndsWith("✗ rtb-1", result.Path);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("::/0 goes to egress-only internet gateway eigw-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Ipv4_only_nacl_blocks_ipv6_sources()
    {
        var result = DualStack(Ipv6ToGateway, UningestedIpv6Rule, ipv6Nacl: false).Check().Reach("i-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.EndsWith("✗ acl-1#100", result.Path);
        Assert.Contains("only from all public IPv4, and none of the sources that got this far (all public IPv6)", result.Summary);
    }

    [Fact]
    public void Dual_stack_instance_open_to_ipv4_is_reachable_over_ipv4()
    {
        var graph = DualStack(Ipv6ToGateway, g => g.Inbound("sg-1", "tcp", 443, 443, "0.0.0.0/0"))
            .Node("54.0.0.9", ["AWSElasticIPAddress", "ElasticIPAddress"], ("public_ip", "54.0.0.9"), ("network_interface_id", "eni-1"))
            .Edge("eni-1", "ELASTIC_IP_ADDRESS", "54.0.0.9")
            .Check();

        var result = graph.Reach("i-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/443 → i-1", result.Path);
    }

    [Fact]
    public void Public_interface_open_on_443_and_private_interface_open_on_22_do_not_make_ssh_reachable()
    {
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-web").Inbound("sg-web", "tcp", 443, 443, "0.0.0.0/0")
            .SecurityGroup("sg-admin").Inbound("sg-admin", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-web", "sg-admin")
            .Interface("eni-pub", "subnet-1", "54.0.0.1", "10.0.1.10", "sg-web").Edge("i-1", "NETWORK_INTERFACE", "eni-pub")
            .Interface("eni-priv", "subnet-2", null, "10.0.2.10", "sg-admin").Edge("i-1", "NETWORK_INTERFACE", "eni-priv")
            .Check();

        var ssh = graph.Ssh("i-1");
        var https = graph.Reach("i-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.NotReachable, ssh.Verdict);
        Assert.Equal(ReachabilityVerdict.Reachable, https.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-web tcp/443 → eni-pub → i-1", https.Path);
    }

    [Fact]
    public void Instance_level_public_ip_belongs_to_the_primary_interface()
    {
        // Older graphs: the public IP only on the instance; the primary interface holds the instance's private address.
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-web").Inbound("sg-web", "tcp", 443, 443, "0.0.0.0/0")
            .SecurityGroup("sg-admin").Inbound("sg-admin", "tcp", 22, 22, "0.0.0.0/0")
            .Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("publicipaddress", "54.0.0.1"), ("privateipaddress", "10.0.1.10"), ("state", "running"))
            .Edge("i-1", "PART_OF_SUBNET", "subnet-1")
            .Interface("eni-pub", "subnet-1", null, "10.0.1.10", "sg-web").Edge("i-1", "NETWORK_INTERFACE", "eni-pub")
            .Interface("eni-priv", "subnet-2", null, "10.0.2.10", "sg-admin").Edge("i-1", "NETWORK_INTERFACE", "eni-priv")
            .Check();

        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Ssh("i-1").Verdict);
        Assert.Equal(ReachabilityVerdict.Reachable, graph.Reach("i-1", NetworkExposure.Tcp(443)).Verdict);
    }
}
