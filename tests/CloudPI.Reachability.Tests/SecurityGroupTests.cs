using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>Security-group sources and protocols, behind an open network (public routes, allow-all NACL).</summary>
public class SecurityGroupTests
{
    private static Checked InstanceBehind(Func<CartographyGraph, CartographyGraph> rules) =>
        rules(new CartographyGraph().PublicNetwork().SecurityGroup("sg-1"))
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1")
            .Check();

    [Fact]
    public void Private_source_only_is_not_internet()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "tcp", 22, 22, "10.0.0.0/8"));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("only from non-public sources: sg-1 tcp/22-22 from 10.0.0.0/8", result.Summary);
        Assert.EndsWith("✗ sg-1 tcp/22", result.Path);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Two_halves_of_the_address_space_across_rules_are_open_though_cartography_sees_no_0_0_0_0_slash_0()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/1").Inbound("sg-1", "tcp", 0, 65535, "128.0.0.0/1"));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("remove 0.0.0.0/1 from sg-1's inbound rule tcp/22-22; remove 128.0.0.0/1 from sg-1's inbound rule tcp/0-65535", result.Fix);
        var comparison = graph.Compare("i-1", NetworkExposure.Tcp(22));
        Assert.False(comparison.Cartography.Exposed);
        Assert.Equal(CartographyAgreement.CartographyMisses, comparison.Agreement);
    }

    [Fact]
    public void Sources_are_united_across_groups()
    {
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/1")
            .SecurityGroup("sg-2").Inbound("sg-2", "tcp", 22, 22, "128.0.0.0/1")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1", "sg-2").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains("sg-1+sg-2 tcp/22", result.Path);
    }

    [Fact]
    public void Office_allow_list_is_a_restricted_exposure_naming_the_range()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "tcp", 22, 22, "203.0.113.0/24"));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.RestrictedExposure, result.Verdict);
        Assert.Equal(["203.0.113.0/24"], result.AllowedRanges);
        Assert.Contains("only from 203.0.113.0/24", result.Summary);
        Assert.Equal("remove 203.0.113.0/24 from sg-1's inbound rule tcp/22-22", result.Fix);
        Assert.Equal(CartographyAgreement.CartographyMisses, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Open_on_80_does_not_open_22_though_cartography_flags_any_open_rule()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "tcp", 80, 80, "0.0.0.0/0"));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("no inbound rule of sg-1 admits tcp/22", result.Summary);
        var comparison = graph.Compare("i-1", NetworkExposure.Tcp(22));
        Assert.Equal(["direct"], comparison.Cartography.Types);
        Assert.Equal(CartographyAgreement.CartographyOverstates, comparison.Agreement);
    }

    [Fact]
    public void All_traffic_rule_opens_ssh()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "-1", null, null, "0.0.0.0/0"));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("remove 0.0.0.0/0 from sg-1's inbound rule all traffic", result.Fix);
    }

    [Fact]
    public void Icmp_only_does_not_open_ssh_though_cartography_flags_it()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "icmp", -1, -1, "0.0.0.0/0"));

        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Ssh("i-1").Verdict);
        Assert.Equal(ReachabilityVerdict.Reachable, graph.Reach("i-1", new NetworkExposure("icmp", 0, 65535)).Verdict);
        Assert.Equal(CartographyAgreement.CartographyOverstates, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Ipv6_only_rule_has_no_ingested_source_and_is_unknown()
    {
        // IPv6 ranges are not ingested: the rule node exists with no AWSIpRange.
        var graph = InstanceBehind(g => g.Inbound("sg-1", "tcp", 22, 22));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal(["the source of sg-1's inbound rule tcp/22-22: it has no IP range and its group references no group (IPv6 ranges and prefix lists are not ingested by Cartography)"], result.Missing);
        Assert.Contains("? sg-1 tcp/22", result.Path);
        Assert.Equal(CartographyAgreement.NotComparable, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Unknown_rule_does_not_matter_when_another_rule_opens_the_port()
    {
        var graph = InstanceBehind(g => g.Inbound("sg-1", "tcp", 22, 22).Inbound("sg-1", "-1", null, null, "0.0.0.0/0"));

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Single(result.Missing);
    }

    [Fact]
    public void Any_traffic_question_lists_the_ports_found_open()
    {
        var graph = InstanceBehind(g => g
            .Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0")
            .Inbound("sg-1", "tcp", 443, 443, "203.0.113.0/24")
            .Inbound("sg-1", "tcp", 5432, 5432, "10.0.0.0/8"));

        var result = graph.Reach("i-1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal(
            [("tcp/22", ReachabilityVerdict.Reachable), ("tcp/443", ReachabilityVerdict.RestrictedExposure)],
            result.OpenPorts.Select(p => (p.Traffic.ToString(), p.Verdict)));
    }

    [Fact]
    public void No_security_group_ingested_is_unknown()
    {
        var graph = new CartographyGraph().PublicNetwork().Instance("i-1", "subnet-1", "54.0.0.1").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Equal(["no security group ingested for i-1"], result.Missing);
    }
}
