using CloudPI.Reachability;
using CloudPI.Controls;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// Security groups that reference security groups. Cartography stores such a rule as a rule node with no range and
/// one group-level <c>ALLOWS_TRAFFIC_FROM</c> edge per referenced group.
/// </summary>
public class SecurityGroupReferenceTests
{
    [Fact]
    public void Database_admitting_only_the_app_tier_group_is_not_reachable_though_publicly_accessible()
    {
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-app").Inbound("sg-app", "tcp", 443, 443, "0.0.0.0/0")
            .SecurityGroup("sg-db").Inbound("sg-db", "tcp", 5432, 5432).Edge("sg-db", "ALLOWS_TRAFFIC_FROM", "sg-app")
            .Rds("db-1", publiclyAccessible: true, 5432, ["subnet-1"], "sg-db")
            .Check();

        var result = graph.Reach("db-1", NetworkExposure.Tcp(5432));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.EndsWith("✗ sg-db tcp/5432", result.Path);
        Assert.Contains("from the members of sg-app", result.Summary);
        Assert.Empty(result.Missing);
        Assert.Contains(result.Evidence, s => s.Decision == EvidenceDecision.Note && s.Reason.Contains("read as sg-db's reference to sg-app", StringComparison.Ordinal));
    }

    [Fact]
    public void Instance_in_a_default_group_is_not_reachable_on_any_port()
    {
        // The default group's built-in rule: all traffic from itself.
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-default").Inbound("sg-default", "-1", null, null).Edge("sg-default", "ALLOWS_TRAFFIC_FROM", "sg-default")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-default")
            .Check();

        var any = graph.Reach("i-1", null);
        var ssh = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, any.Verdict);
        Assert.Empty(any.OpenPorts);
        Assert.Equal(ReachabilityVerdict.NotReachable, ssh.Verdict);
        Assert.Contains("sg-default all traffic from the members of sg-default", ssh.Summary);
    }

    [Fact]
    public void A_second_group_opening_the_port_still_decides()
    {
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-default").Inbound("sg-default", "-1", null, null).Edge("sg-default", "ALLOWS_TRAFFIC_FROM", "sg-default")
            .SecurityGroup("sg-ssh").Inbound("sg-ssh", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-default", "sg-ssh")
            .Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains("sg-ssh tcp/22", result.Path);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void A_range_less_rule_in_a_group_that_references_nothing_stays_unknown()
    {
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22)
            .SecurityGroup("sg-other").Inbound("sg-other", "tcp", 22, 22).Edge("sg-other", "ALLOWS_TRAFFIC_FROM", "sg-1")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1")
            .Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Contains("? sg-1 tcp/22", result.Path);
        Assert.Single(result.Missing);
    }

    [Fact]
    public void The_referenced_group_of_a_balancer_is_the_balancer_path()
    {
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-lb").Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0")
            .SecurityGroup("sg-web").Inbound("sg-web", "tcp", 8080, 8080).Edge("sg-web", "ALLOWS_TRAFFIC_FROM", "sg-lb")
            .BalancerV2("alb-1", "application", "internet-facing", [443], ["subnet-1"], "sg-lb")
            .Instance("i-web", "subnet-1", null, "running", "sg-web")
            .Expose("alb-1", "i-web", 8080)
            .Check();

        var result = graph.Reach("i-web", NetworkExposure.Tcp(8080));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains("alb-1", result.Path);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("references sg-lb, alb-1's security group", StringComparison.Ordinal));
    }
}
