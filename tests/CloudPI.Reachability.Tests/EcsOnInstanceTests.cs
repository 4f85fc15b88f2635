using CloudPI.Reachability;
using CloudPI.Controls;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// ECS tasks in bridge or host network mode have no interface of their own: they are reached through their container
/// instance's EC2 instance (<c>container instance -HAS_TASK-> task</c>, <c>container instance -IS_INSTANCE-> instance</c>).
/// </summary>
public class EcsOnInstanceTests
{
    private static CartographyGraph TaskOnHost(string networkMode, string? hostPublicIp, string lastStatus = "RUNNING") =>
        CartographyGraph.Baseline()
            .Instance("i-host", "subnet-1", hostPublicIp, "running", "sg-1")
            .Node("ci-1", ["AWSECSContainerInstance", "ECSContainerInstance"], ("ec2_instance_id", "i-host"))
            .Edge("ci-1", "IS_INSTANCE", "i-host")
            .Node("td-1", ["AWSECSTaskDefinition", "ECSTaskDefinition"], ("network_mode", networkMode))
            .Node("task-1", ["AWSECSTask", "ECSTask"], ("launch_type", "EC2"), ("last_status", lastStatus))
            .Edge("ci-1", "HAS_TASK", "task-1")
            .Edge("task-1", "HAS_TASK_DEFINITION", "td-1");

    [Fact]
    public void Host_mode_task_on_a_reachable_host_is_reachable_through_it()
    {
        var result = TaskOnHost("host", "54.0.0.7").Check().Ssh("task-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-host → task-1", result.Path);
        Assert.Contains(result.Evidence, s => s.Reason.Contains("host network mode on container instance i-host", StringComparison.Ordinal));
    }

    [Fact]
    public void Bridge_mode_task_on_a_reachable_host_is_unknown_for_want_of_the_port_mapping()
    {
        var result = TaskOnHost("bridge", "54.0.0.7").Check().Ssh("task-1");

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.EndsWith("sg-1 tcp/22 → ? i-host → task-1", result.Path);
        Assert.Contains(result.Missing, m => m.StartsWith("which host port of i-host maps to task-1 (bridge network mode", StringComparison.Ordinal));
    }

    [Fact]
    public void Task_on_a_private_host_is_not_reachable_rather_than_unmodelled()
    {
        var result = TaskOnHost("bridge", hostPublicIp: null).Check().Reach("task-1", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-host", result.Path);
    }

    [Fact]
    public void Stopped_task_is_not_reachable_though_its_host_is()
    {
        var result = TaskOnHost("host", "54.0.0.7", lastStatus: "STOPPED").Check().Ssh("task-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Contains("is stopped", result.Summary);
    }

    [Fact]
    public void Host_mode_task_behind_an_instance_target_group_is_reached_through_the_balancer_and_its_host()
    {
        var graph = TaskOnHost("host", hostPublicIp: null)
            .SecurityGroup("sg-lb").Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0")
            .Inbound("sg-1", "tcp", 8080, 8080).Edge("sg-1", "ALLOWS_TRAFFIC_FROM", "sg-lb")
            .BalancerV2("alb-1", "application", "internet-facing", [443], ["subnet-1"], "sg-lb")
            .Expose("alb-1", "i-host", 8080)
            .Check();

        var result = graph.Reach("task-1", NetworkExposure.Tcp(8080));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.EndsWith("target port 8080 → sg-1 → i-host → task-1", result.Path);
    }
}
