using CloudPI.Reachability;
using CloudPI.Controls;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// The hop from a balancer (public subnet-1, 10.0.1.0/24) into its target's subnet (subnet-2): the target subnet's
/// NACL, and what source address the target really sees (the balancer's, or the client's).
/// </summary>
public class BalancerTargetHopTests
{
    private static CartographyGraph NlbWith(Func<CartographyGraph, CartographyGraph> targetRules) =>
        targetRules(new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24").SecurityGroup("sg-target"))
            .BalancerV2("nlb-1", "network", "internet-facing", [443], ["subnet-1"])
            .Instance("i-3", "subnet-2", null, "running", "sg-target")
            .NetworkInterface("eni-ip", "subnet-2", null, "sg-target")
            .Node("eni-ip:10.0.2.9", ["AWSEC2PrivateIp", "EC2PrivateIp"], ("private_ip_address", "10.0.2.9"))
            .Edge("eni-ip", "PRIVATE_IP_ADDRESS", "eni-ip:10.0.2.9");

    /// <summary>alb-1 in subnet-1 (sg-lb open on 443) forwarding 8080 to i-2 in <paramref name="targetSubnet"/>, whose group references sg-lb.</summary>
    private static CartographyGraph AlbForwardingTo(CartographyGraph graph, string targetSubnet) => graph
        .SecurityGroup("sg-lb").Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0")
        .SecurityGroup("sg-target").Inbound("sg-target", "tcp", 8080, 8080).Edge("sg-target", "ALLOWS_TRAFFIC_FROM", "sg-lb")
        .BalancerV2("alb-1", "application", "internet-facing", [443], ["subnet-1"], "sg-lb")
        .Instance("i-2", targetSubnet, null, "running", "sg-target")
        .Expose("alb-1", "i-2", 8080);

    /// <summary>A target group rule that admits only the balancer's subnet, as for health checks.</summary>
    private static CartographyGraph AdmitsBalancerSubnetOnly(CartographyGraph g) => g.Inbound("sg-target", "tcp", 443, 443, "10.0.1.0/24");

    [Fact]
    public void Nlb_instance_target_sees_client_addresses_so_a_rule_for_the_balancer_subnet_admits_no_client()
    {
        var graph = NlbWith(AdmitsBalancerSubnetOnly).Expose("nlb-1", "i-3", 443).Check();

        var result = graph.Reach("i-3", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("keeps the client's address for instance targets", StringComparison.Ordinal));
        Assert.EndsWith("✗ sg-target", result.Path);
    }

    [Fact]
    public void Nlb_ip_target_over_tcp_sees_the_balancer_so_a_rule_for_its_subnet_is_the_path()
    {
        var graph = NlbWith(AdmitsBalancerSubnetOnly).Expose("nlb-1", "eni-ip:10.0.2.9", 443).Check();

        var result = graph.Reach("eni-ip", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("passes IP targets over HTTP its own address by default", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, s => s.Reason.Contains("covers nlb-1's subnet 10.0.1.0/24", StringComparison.Ordinal));
    }

    [Fact]
    public void Target_subnet_nacl_that_denies_the_balancer_subnet_closes_the_hop()
    {
        var graph = AlbForwardingTo(new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .Nacl("acl-private", isDefault: false, "vpc-1", "subnet-2")
            .NaclRule("acl-private", 100, egress: false, "deny", "6", "10.0.1.0/24", 8080, 8080)
            .NaclRule("acl-private", 200, egress: false, "allow")
            .NaclRule("acl-private", 100, egress: true, "allow"), "subnet-2").Check();

        var result = graph.Reach("i-2", NetworkExposure.Tcp(8080));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.EndsWith("target port 8080 ✗ acl-private#100", result.Path);
        Assert.Contains("deny tcp/8080 from 10.0.1.0/24 before any allow", result.Summary);
    }

    [Fact]
    public void Target_in_the_balancers_own_subnet_crosses_no_nacl()
    {
        var graph = AlbForwardingTo(new CartographyGraph().PublicNetwork(), "subnet-1").Check();

        var result = graph.Reach("i-2", NetworkExposure.Tcp(8080));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.EndsWith("target port 8080 → sg-target → i-2", result.Path);
    }
}
