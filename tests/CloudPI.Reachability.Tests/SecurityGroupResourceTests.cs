using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>A security group as the resource of a finding: exposing iff a member is reachable through its rules.</summary>
public class SecurityGroupResourceTests
{
    [Fact]
    public void Group_is_reachable_through_a_running_member_and_names_it()
    {
        var graph = CartographyGraph.Baseline().Check();

        var result = graph.Ssh("sg-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("sg-1", result.ResourceId);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-1", result.Path);
        Assert.Contains("through i-1", result.Summary);
        Assert.Equal("remove 0.0.0.0/0 from sg-1's inbound rule tcp/22-22", result.Fix);
    }

    [Fact]
    public void Group_whose_only_member_is_stopped_is_not_reachable()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "stopped", "sg-1").Check();

        var result = graph.Ssh("sg-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("i-1 is stopped", result.Summary);
    }

    [Fact]
    public void Only_the_groups_own_rules_count()
    {
        // i-1 is open through sg-open, not through sg-closed: a finding on sg-closed is not exploitable.
        var graph = new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-open").Inbound("sg-open", "tcp", 22, 22, "0.0.0.0/0")
            .SecurityGroup("sg-closed").Inbound("sg-closed", "tcp", 22, 22, "10.0.0.0/8")
            .Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-open", "sg-closed").Check();

        Assert.Equal(ReachabilityVerdict.Reachable, graph.Ssh("sg-open").Verdict);
        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Ssh("sg-closed").Verdict);
    }

    [Fact]
    public void Target_group_is_reachable_through_its_member_behind_a_balancer()
    {
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-lb").Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0")
            .SecurityGroup("sg-target").Inbound("sg-target", "tcp", 8080, 8080).Edge("sg-target", "ALLOWS_TRAFFIC_FROM", "sg-lb")
            .BalancerV2("alb-1", "application", "internet-facing", [443], ["subnet-1"], "sg-lb")
            .Instance("i-2", "subnet-2", null, "running", "sg-target")
            .Expose("alb-1", "i-2", 8080).Check();

        var result = graph.Reach("sg-target", NetworkExposure.Tcp(8080));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.EndsWith("sg-lb tcp/443 → target port 8080 → acl-1#100 → sg-target → i-2", result.Path);
        Assert.Equal(ReachabilityVerdict.Reachable, graph.Reach("sg-lb", NetworkExposure.Tcp(443)).Verdict);
    }

    [Fact]
    public void Closed_group_with_many_members_lists_the_first_paths_and_counts_the_rest()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0");
        for (var i = 0; i < 12; i++)
        {
            graph.Instance($"i-{i:D2}", "subnet-1", "54.0.0.1", "stopped", "sg-1");
        }

        var result = graph.Check().Ssh("sg-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal(10, result.Evidence.Count(e => e.Layer == ReachabilityLayer.State));
        Assert.Contains("2 more paths, all closed", result.Evidence[^1].Reason);
    }

    [Fact]
    public void Group_without_members_exposes_nothing()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0").Check();

        Assert.Contains("has no member", graph.Ssh("sg-1").Summary);
    }
}
