using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// Balancers in the public subnet-1 and their targets in subnet-2 (no public address): paths that exist only
/// through a listener, its groups, the EXPOSE edge's port and the target's groups.
/// </summary>
public class BalancerTests
{
    private static readonly NetworkExposure Port8080 = NetworkExposure.Tcp(8080);

    /// <summary>alb-1 (listeners <paramref name="listeners"/>, sg-lb) exposing i-2 on 8080; sg-target set up by <paramref name="targetRules"/>.</summary>
    private static CartographyGraph AlbWithTarget(Func<CartographyGraph, CartographyGraph> lbRules, Func<CartographyGraph, CartographyGraph> targetRules, params int[] listeners) =>
        targetRules(lbRules(new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24").SecurityGroup("sg-lb")).SecurityGroup("sg-target"))
            .BalancerV2("alb-1", "application", "internet-facing", listeners.Length == 0 ? [443] : listeners, ["subnet-1"], "sg-lb")
            .Instance("i-2", "subnet-2", null, "running", "sg-target")
            .Expose("alb-1", "i-2", 8080);

    private static CartographyGraph OpenOn443(CartographyGraph g) => g.Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0");

    /// <summary>A group reference as Cartography stores it: a rule with no range, and the group-level edge.</summary>
    private static CartographyGraph AdmitsLbGroup(CartographyGraph g) => g.Inbound("sg-target", "tcp", 8080, 8080).Edge("sg-target", "ALLOWS_TRAFFIC_FROM", "sg-lb");

    [Fact]
    public void Target_admitting_the_alb_group_is_reachable_through_the_alb()
    {
        var graph = AlbWithTarget(OpenOn443, AdmitsLbGroup).Check();

        var result = graph.Reach("i-2", Port8080);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → elbv2 alb-1 listener 443 → sg-lb tcp/443 → target port 8080 → acl-1#100 → sg-target → i-2", result.Path);
        Assert.Equal("remove sg-lb from sg-target's inbound rule tcp/8080-8080", result.Fix);
        var comparison = graph.Compare("i-2", Port8080);
        Assert.Equal(["elbv2"], comparison.Cartography.Types);
        Assert.Equal(CartographyAgreement.Agree, comparison.Agreement);
    }

    [Fact]
    public void Fargate_task_is_reachable_as_an_ip_target_of_the_alb()
    {
        // IP targets: EXPOSE points at the task ENI's private address, not at the task.
        var graph = AlbWithTarget(OpenOn443, AdmitsLbGroup)
            .NetworkInterface("eni-task", "subnet-2", null, "sg-target")
            .Node("eni-task:10.0.2.9", ["AWSEC2PrivateIp", "EC2PrivateIp"], ("private_ip_address", "10.0.2.9"))
            .Edge("eni-task", "PRIVATE_IP_ADDRESS", "eni-task:10.0.2.9")
            .Node("task-1", ["AWSECSTask", "ECSTask"], ("launch_type", "FARGATE"), ("last_status", "RUNNING"))
            .Node("container-1", ["AWSECSContainer", "ECSContainer"])
            .Edge("task-1", "NETWORK_INTERFACE", "eni-task").Edge("task-1", "HAS_CONTAINER", "container-1")
            .Expose("alb-1", "eni-task:10.0.2.9", 8080).Check();

        var result = graph.Reach("container-1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.EndsWith("target port 8080 → acl-1#100 → sg-target → container-1", result.Path);
        var comparison = graph.Compare("container-1", null);
        Assert.Equal(["elbv2"], comparison.Cartography.Types);
        Assert.Equal(CartographyAgreement.Agree, comparison.Agreement);
    }

    [Fact]
    public void Target_behind_the_alb_is_not_reachable_on_a_port_the_balancer_does_not_forward()
    {
        var graph = AlbWithTarget(OpenOn443, AdmitsLbGroup).Check();

        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Ssh("i-2").Verdict);
        Assert.Equal(["tcp/8080"], graph.Reach("i-2", null).OpenPorts.Select(p => p.Traffic.ToString()));
    }

    [Fact]
    public void Target_not_admitting_the_balancer_is_not_reachable_though_cartography_flags_it()
    {
        var graph = AlbWithTarget(OpenOn443, g => g.Inbound("sg-target", "tcp", 8080, 8080, "192.168.0.0/16")).Check();

        var result = graph.Reach("i-2", Port8080);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.EndsWith("target port 8080 → acl-1#100 ✗ sg-target", result.Path);
        Assert.Equal(CartographyAgreement.CartographyOverstates, graph.Compare("i-2", Port8080).Agreement);
    }

    [Fact]
    public void Target_admitting_the_balancer_subnet_cidr_is_reachable()
    {
        var graph = AlbWithTarget(OpenOn443, g => g.Inbound("sg-target", "tcp", 8080, 8080, "10.0.0.0/16")).Check();

        var result = graph.Reach("i-2", Port8080);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains(result.Evidence, e => e.Reason.Contains("covers alb-1's subnet 10.0.1.0/24"));
    }

    [Fact]
    public void Alb_listener_on_443_with_its_group_open_on_80_only_is_not_reachable()
    {
        var graph = AlbWithTarget(g => g.Inbound("sg-lb", "tcp", 80, 80, "0.0.0.0/0"), AdmitsLbGroup).Check();

        var balancer = graph.Reach("alb-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.NotReachable, balancer.Verdict);
        Assert.EndsWith("elbv2 alb-1 listener 443 ✗ sg-lb tcp/443", balancer.Path);
        Assert.Empty(graph.Reach("alb-1", null).OpenPorts);
        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Reach("i-2", Port8080).Verdict);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("alb-1", NetworkExposure.Tcp(443)).Agreement);
    }

    [Fact]
    public void Several_listeners_without_a_port_match_report_the_missing_listener_link()
    {
        // Listener → target group is not in the graph: 443 is open, 80 is not, and either may forward to 8080.
        var graph = AlbWithTarget(OpenOn443, AdmitsLbGroup, 80, 443).Check();

        var result = graph.Reach("i-2", Port8080);

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Contains(result.Missing, m => m.Contains("which listener forwards to target port 8080"));
    }

    [Fact]
    public void Nlb_without_security_group_is_decided_by_routes_and_nacls_and_passes_client_addresses()
    {
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-target").Inbound("sg-target", "tcp", 443, 443, "0.0.0.0/0")
            .BalancerV2("nlb-1", "network", "internet-facing", [443], ["subnet-1"])
            .Instance("i-3", "subnet-2", null, "running", "sg-target")
            .Expose("nlb-1", "i-3", 443).Check();

        var balancer = graph.Reach("nlb-1", NetworkExposure.Tcp(443));
        var target = graph.Reach("i-3", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.Reachable, balancer.Verdict);
        Assert.Contains(balancer.Evidence, e => e.Reason.Contains("no security group"));
        Assert.Equal(ReachabilityVerdict.Reachable, target.Verdict);
        Assert.EndsWith("nlb-1 listener 443 → target port 443 → acl-1#100 → sg-target → i-3", target.Path);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("nlb-1", NetworkExposure.Tcp(443)).Agreement);
    }

    [Fact]
    public void Nlb_target_allow_list_applies_to_client_addresses()
    {
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-target").Inbound("sg-target", "tcp", 443, 443, "203.0.113.0/24")
            .BalancerV2("nlb-1", "network", "internet-facing", [443], ["subnet-1"])
            .Instance("i-3", "subnet-2", null, "running", "sg-target")
            .Expose("nlb-1", "i-3", 443).Check();

        var target = graph.Reach("i-3", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.RestrictedExposure, target.Verdict);
        Assert.Equal(["203.0.113.0/24"], target.AllowedRanges);
        Assert.Contains(target.Evidence, e => e.Reason.Contains("keeps the client's address"));
        // Cartography flags every target of an internet-facing NLB, whatever the target admits.
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("i-3", NetworkExposure.Tcp(443)).Agreement);
    }

    [Fact]
    public void Classic_elb_without_subnet_edge_is_placed_by_its_network_interfaces_and_says_so()
    {
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-elb").Inbound("sg-elb", "tcp", 80, 80, "0.0.0.0/0")
            .SecurityGroup("sg-web").Inbound("sg-web", "tcp", 8080, 8080, "10.0.0.0/16")
            .ClassicBalancer("elb-1", "internet-facing", 80, 8080, "sg-elb")
            .RequesterManagedInterface("eni-elb", "subnet-1", "ELB elb-1", "sg-elb")
            .Instance("i-4", "subnet-2", null, "running", "sg-web")
            .Expose("elb-1", "i-4", null).Check();

        var balancer = graph.Reach("elb-1", NetworkExposure.Tcp(80));
        var target = graph.Reach("i-4", Port8080);

        Assert.Equal(ReachabilityVerdict.Reachable, balancer.Verdict);
        Assert.Contains(balancer.Evidence, e => e.Decision == EvidenceDecision.Note && e.Reason.Contains("no subnet edge") && e.Reason.Contains("described \"ELB elb-1\") are in subnet-1"));
        Assert.Equal(ReachabilityVerdict.Reachable, target.Verdict);
        Assert.EndsWith("elb elb-1 listener 80 → sg-elb tcp/80 → target port 8080 → acl-1#100 → sg-web → i-4", target.Path);
        Assert.Equal("remove 10.0.0.0/16 from sg-web's inbound rule tcp/8080-8080", target.Fix);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("i-4", Port8080).Agreement);
    }

    [Fact]
    public void Classic_elb_with_neither_subnet_edge_nor_interfaces_is_unknown_when_its_vpcs_subnets_disagree()
    {
        // subnet-2 has no route to the internet gateway: the balancer may sit there or in subnet-1.
        var graph = new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .SecurityGroup("sg-elb").Inbound("sg-elb", "tcp", 80, 80, "0.0.0.0/0")
            .ClassicBalancer("elb-1", "internet-facing", 80, 8080, "sg-elb").Check();

        var balancer = graph.Reach("elb-1", NetworkExposure.Tcp(80));

        Assert.Equal(ReachabilityVerdict.Unknown, balancer.Verdict);
        Assert.Contains(balancer.Missing, m => m.StartsWith("which of subnet-1, subnet-2 holds elb-1", StringComparison.Ordinal));
        Assert.Contains(balancer.Evidence, e => e.Decision == EvidenceDecision.Note && e.Reason.Contains("using every subnet of vpc-1"));
    }

    [Fact]
    public void Lambda_is_reachable_behind_an_alb_and_not_without_any_entry_point()
    {
        var graph = AlbWithTarget(OpenOn443, AdmitsLbGroup)
            .Node("arn:lambda:fn-1", ["AWSLambda", "Function"], ("runtime", "python3.12"))
            .Node("arn:lambda:fn-2", ["AWSLambda", "Function"])
            .Expose("alb-1", "arn:lambda:fn-1", null).Check();

        var behind = graph.Reach("arn:lambda:fn-1", null);
        var alone = graph.Reach("arn:lambda:fn-2", null);

        Assert.Equal(ReachabilityVerdict.Reachable, behind.Verdict);
        Assert.EndsWith("elbv2 alb-1 listener 443 → sg-lb tcp/443 → target → arn:lambda:fn-1", behind.Path);
        Assert.Equal(ReachabilityVerdict.NotReachable, alone.Verdict);
        Assert.Contains("no resource policy was recorded for arn:lambda:fn-2", alone.Summary);
        Assert.Equal(CartographyAgreement.NotComparable, graph.Compare("arn:lambda:fn-1", null).Agreement);
    }
}
