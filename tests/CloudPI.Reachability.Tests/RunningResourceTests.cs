using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Controls.Network;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// Configuration objects have no network presence of their own: a finding on one is judged by the running resources
/// it belongs to (volume → instances, task definition → tasks, service → tasks, auto-scaling group → instances, launch
/// template or configuration → its groups' instances, RDS cluster → member instances), the path going through them.
/// </summary>
public class RunningResourceTests
{
    private const string ToI1 = "internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-1";

    /// <summary>The baseline plus i-2: running in the same subnet and group, but with no public address.</summary>
    private static CartographyGraph WithPrivateInstance() =>
        CartographyGraph.Baseline().Instance("i-2", "subnet-1", null, "running", "sg-1");

    private static void AssertJudgedBy(ReachabilityResult result, string note) =>
        Assert.Contains(result.Evidence, e => e.Decision == EvidenceDecision.Note && e.Reason == note);

    // ---- EBS volume → the instances it is attached to ------------------------------------------------------------

    [Fact]
    public void Volume_attached_to_a_reachable_instance_is_reachable_through_it()
    {
        var result = WithPrivateInstance().Volume("vol-1", "i-2", "i-1").Check().Ssh("vol-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("vol-1", result.ResourceId);
        Assert.Equal($"{ToI1} (has attached) → vol-1", result.Path);
        Assert.Equal(["internet", "igw-1", "rtb-1", "acl-1", "sg-1", "i-1", "vol-1"], result.Hops.Select(h => h.Id));
        Assert.Equal("i-1 (has attached)", result.Hops[^2].Label);
        AssertJudgedBy(result, "vol-1 has no network presence of its own; judged by the instances it is attached to (i-1, i-2)");
        Assert.Contains(result.Evidence, e => e.Reason == "volume vol-1 is attached to i-1");
        Assert.Equal("remove 0.0.0.0/0 from sg-1's inbound rule tcp/22-22", result.Fix);
    }

    [Fact]
    public void Volume_attached_to_a_private_instance_is_not_reachable()
    {
        var result = WithPrivateInstance().Volume("vol-2", "i-2").Check().Ssh("vol-2");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-2", result.Path);
        Assert.StartsWith("vol-2 is not reachable from the internet on tcp/22", result.Summary, StringComparison.Ordinal);
        AssertJudgedBy(result, "vol-2 has no network presence of its own; judged by the instances it is attached to (i-2)");
    }

    [Fact]
    public void Unattached_volume_exposes_nothing()
    {
        var result = CartographyGraph.Baseline().Volume("vol-3").Check().Ssh("vol-3");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ vol-3", result.Path);
        Assert.Equal("vol-3 is not reachable from the internet on tcp/22: vol-3 is attached to no running resource in the graph, so it exposes nothing", result.Summary);
        Assert.Equal(EvidenceDecision.Denies, Assert.Single(result.Evidence).Decision);
    }

    [Fact]
    public void Volume_of_a_stopped_instance_is_closed_by_the_instances_state()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", "54.0.0.1", "stopped", "sg-1").Volume("vol-1", "i-1").Check();

        var result = graph.Ssh("vol-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-1", result.Path);
        Assert.Contains("i-1 is stopped", result.Summary);
    }

    [Fact]
    public void Any_traffic_question_on_a_volume_lists_the_ports_open_on_its_instance()
    {
        var graph = CartographyGraph.Baseline().Inbound("sg-1", "tcp", 443, 443, "0.0.0.0/0").Volume("vol-1", "i-1").Check();

        var result = graph.Reach("vol-1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal(TrafficQuery.AnyTraffic, result.Traffic);
        Assert.Equal(["tcp/22", "tcp/443"], result.OpenPorts.Select(p => p.Traffic.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains(result.OpenPorts, p => p.Path == "internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/443 → i-1 (has attached) → vol-1");
        AssertJudgedBy(result, "vol-1 has no network presence of its own; judged by the instances it is attached to (i-1)");
    }

    [Fact]
    public void A_volume_with_only_the_legacy_label_is_judged_the_same_way()
    {
        var graph = CartographyGraph.Baseline().Node("vol-legacy", ["EBSVolume"]).Edge("vol-legacy", "ATTACHED_TO", "i-1").Check();

        var result = graph.Ssh("vol-legacy");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal($"{ToI1} (has attached) → vol-legacy", result.Path);
    }

    // ---- ECS task definition → the tasks that run it; service → its tasks ----------------------------------------

    /// <summary>td-1 runs as task-pub (public interface eni-pub) and task-priv (private eni-priv); both in sg-1.</summary>
    private static CartographyGraph Tasks() =>
        CartographyGraph.Baseline()
            .TaskDefinition("td-1").TaskDefinition("td-2").TaskDefinition("td-idle")
            .NetworkInterface("eni-pub", "subnet-1", "54.0.0.9", "sg-1").FargateTask("task-pub", "td-1", "eni-pub")
            .Interface("eni-priv", "subnet-1", null, "10.0.1.60", "sg-1").FargateTask("task-priv", "td-2", "eni-priv")
            .EcsService("svc-pub", "td-1", "task-pub")
            .EcsService("svc-priv", "td-2", "task-priv")
            .EcsService("svc-idle", "td-idle");

    [Fact]
    public void Task_definition_run_by_a_reachable_task_is_reachable_through_it()
    {
        var result = Tasks().Check().Ssh("td-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → task-pub (runs) → td-1", result.Path);
        Assert.Contains(result.Evidence, e => e.Reason == "task definition td-1 runs as task task-pub");
        AssertJudgedBy(result, "td-1 has no network presence of its own; judged by the tasks that run it (task-pub)");
    }

    [Fact]
    public void Task_definition_run_only_by_a_private_task_is_not_reachable()
    {
        var result = Tasks().Check().Ssh("td-2");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ task-priv", result.Path);
        AssertJudgedBy(result, "td-2 has no network presence of its own; judged by the tasks that run it (task-priv)");
    }

    [Fact]
    public void Task_definition_that_no_task_runs_exposes_nothing()
    {
        var result = Tasks().Check().Ssh("td-idle");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ td-idle", result.Path);
        Assert.EndsWith("td-idle is used by no running resource in the graph, so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_task_still_counts_and_its_state_closes_the_path()
    {
        var graph = CartographyGraph.Baseline().TaskDefinition("td-1")
            .NetworkInterface("eni-pub", "subnet-1", "54.0.0.9", "sg-1").FargateTask("task-old", "td-1", "eni-pub", lastStatus: "STOPPED").Check();

        var result = graph.Ssh("td-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ task-old", result.Path);
        Assert.Contains("is stopped", result.Summary);
        AssertJudgedBy(result, "td-1 has no network presence of its own; judged by the tasks that run it (task-old)");
    }

    [Fact]
    public void Service_with_a_reachable_task_is_reachable_through_it()
    {
        var result = Tasks().Check().Ssh("svc-pub");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → task-pub (task of) → svc-pub", result.Path);
        Assert.Contains(result.Evidence, e => e.Reason == "task task-pub belongs to service svc-pub");
        AssertJudgedBy(result, "svc-pub has no network presence of its own; judged by its tasks (task-pub)");
    }

    [Fact]
    public void Service_with_only_a_private_task_is_not_reachable()
    {
        var result = Tasks().Check().Ssh("svc-priv");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ task-priv", result.Path);
        AssertJudgedBy(result, "svc-priv has no network presence of its own; judged by its tasks (task-priv)");
    }

    [Fact]
    public void Service_without_tasks_exposes_nothing()
    {
        var result = Tasks().Check().Ssh("svc-idle");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ svc-idle", result.Path);
        Assert.EndsWith("svc-idle is used by no running resource in the graph, so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    // ---- Auto-scaling group → its instances; launch template / configuration → its groups' instances -------------

    /// <summary>asg-pub holds i-1 (public) and i-2 (private), asg-priv only i-2; asg-empty holds none.</summary>
    private static CartographyGraph Groups() =>
        WithPrivateInstance()
            .AutoScalingGroup("asg-pub", "i-1").AutoScalingGroup("asg-priv", "i-2").AutoScalingGroup("asg-empty")
            .LaunchTemplate("lt-pub", "asg-pub").LaunchTemplate("lt-priv", "asg-priv").LaunchTemplate("lt-empty", "asg-empty").LaunchTemplate("lt-unused")
            .LaunchConfiguration("lc-pub", "asg-pub").LaunchConfiguration("lc-priv", "asg-priv").LaunchConfiguration("lc-unused");

    [Fact]
    public void Auto_scaling_group_with_a_reachable_instance_is_reachable_through_it()
    {
        var result = Groups().Check().Ssh("asg-pub");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal($"{ToI1} (member of) → asg-pub", result.Path);
        Assert.Contains(result.Evidence, e => e.Reason == "i-1 is a member of auto-scaling group asg-pub");
        AssertJudgedBy(result, "asg-pub has no network presence of its own; judged by its member instances (i-1)");
    }

    [Fact]
    public void Auto_scaling_group_of_private_instances_is_not_reachable()
    {
        var result = Groups().Check().Ssh("asg-priv");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-2", result.Path);
        AssertJudgedBy(result, "asg-priv has no network presence of its own; judged by its member instances (i-2)");
    }

    [Fact]
    public void Auto_scaling_group_without_instances_exposes_nothing()
    {
        var result = Groups().Check().Ssh("asg-empty");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ asg-empty", result.Path);
        Assert.EndsWith("asg-empty is used by no running resource in the graph, so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_template_is_reachable_through_an_instance_of_a_group_that_uses_it()
    {
        var result = Groups().Check().Ssh("lt-pub");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal($"{ToI1} (member of) → asg-pub (launches from) → lt-pub", result.Path);
        Assert.Equal(["i-1", "asg-pub", "lt-pub"], result.Hops.TakeLast(3).Select(h => h.Id));
        Assert.Contains(result.Evidence, e => e.Reason == "i-1 is a member of asg-pub (launch template lt-pub)");
        Assert.Contains(result.Evidence, e => e.Reason == "auto-scaling group asg-pub launches its instances from launch template lt-pub");
        AssertJudgedBy(result, "lt-pub has no network presence of its own; judged by the instances of the auto-scaling groups that launch from it (i-1 in asg-pub)");
    }

    [Fact]
    public void Launch_template_whose_groups_hold_only_private_instances_is_not_reachable()
    {
        var result = Groups().Check().Ssh("lt-priv");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-2", result.Path);
        AssertJudgedBy(result, "lt-priv has no network presence of its own; judged by the instances of the auto-scaling groups that launch from it (i-2 in asg-priv)");
    }

    [Fact]
    public void Launch_template_no_group_uses_exposes_nothing()
    {
        var result = Groups().Check().Ssh("lt-unused");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ lt-unused", result.Path);
        Assert.EndsWith("lt-unused is used by no running resource in the graph, so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_template_of_an_empty_group_names_the_group()
    {
        var result = Groups().Check().Ssh("lt-empty");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ lt-empty", result.Path);
        Assert.EndsWith("lt-empty is used by no running resource in the graph (it is used by asg-empty, which has no instance in the graph), so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_configuration_is_reachable_through_an_instance_of_a_group_that_uses_it()
    {
        var result = Groups().Check().Ssh("lc-pub");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal($"{ToI1} (member of) → asg-pub (launches from) → lc-pub", result.Path);
        Assert.Contains(result.Evidence, e => e.Reason == "auto-scaling group asg-pub launches its instances from launch configuration lc-pub");
        AssertJudgedBy(result, "lc-pub has no network presence of its own; judged by the instances of the auto-scaling groups that launch from it (i-1 in asg-pub)");
    }

    [Fact]
    public void Launch_configuration_whose_groups_hold_only_private_instances_is_not_reachable()
    {
        var result = Groups().Check().Ssh("lc-priv");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-2", result.Path);
        AssertJudgedBy(result, "lc-priv has no network presence of its own; judged by the instances of the auto-scaling groups that launch from it (i-2 in asg-priv)");
    }

    [Fact]
    public void Launch_configuration_no_group_uses_exposes_nothing()
    {
        var result = Groups().Check().Ssh("lc-unused");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ lc-unused", result.Path);
        Assert.EndsWith("lc-unused is used by no running resource in the graph, so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_beyond_the_first_ten_are_counted_not_named()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0");
        var instances = Enumerable.Range(0, 12).Select(i => $"i-{i:D2}").ToArray();
        foreach (var instance in instances)
        {
            graph.Instance(instance, "subnet-1", null, "running", "sg-1");
        }

        var result = graph.AutoScalingGroup("asg-big", instances).Check().Ssh("asg-big");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-00", result.Path);
        AssertJudgedBy(result, "asg-big has no network presence of its own; judged by its member instances (i-00, i-01, i-02, i-03, i-04, i-05, i-06, i-07, i-08, i-09 and 2 more)");
    }

    // ---- RDS / Aurora cluster → its member instances --------------------------------------------------------------

    /// <summary>db-pub is publicly accessible behind sg-db (tcp/5432 from anywhere); db-priv is not.</summary>
    private static CartographyGraph Databases() =>
        new CartographyGraph().PublicNetwork()
            .SecurityGroup("sg-db").Inbound("sg-db", "tcp", 5432, 5432, "0.0.0.0/0")
            .Rds("db-pub", publiclyAccessible: true, 5432, ["subnet-1"], "sg-db")
            .Rds("db-priv", publiclyAccessible: false, 5432, ["subnet-1"], "sg-db")
            .RdsCluster("cluster-pub", 5432, "db-pub", "db-priv")
            .RdsCluster("cluster-priv", 5432, "db-priv")
            .RdsCluster("cluster-empty", 5432);

    [Fact]
    public void Cluster_with_a_publicly_accessible_member_is_reachable_through_it()
    {
        var result = Databases().Check().Reach("cluster-pub", NetworkExposure.Tcp(5432));

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-db tcp/5432 → db-pub (member of) → cluster-pub", result.Path);
        Assert.Contains(result.Evidence, e => e.Reason == "db-pub is a member of cluster cluster-pub");
        AssertJudgedBy(result, "cluster-pub has no network presence of its own; judged by its member instances (db-priv, db-pub)");
    }

    [Fact]
    public void Cluster_of_private_members_is_not_reachable()
    {
        var result = Databases().Check().Reach("cluster-priv", NetworkExposure.Tcp(5432));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ db-priv", result.Path);
        AssertJudgedBy(result, "cluster-priv has no network presence of its own; judged by its member instances (db-priv)");
    }

    [Fact]
    public void Cluster_without_members_exposes_nothing()
    {
        var result = Databases().Check().Reach("cluster-empty", NetworkExposure.Tcp(5432));

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ cluster-empty", result.Path);
        Assert.EndsWith("cluster-empty is used by no running resource in the graph, so it exposes nothing", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_traffic_question_on_a_cluster_lists_its_members_service_port()
    {
        var result = Databases().Check().Reach("cluster-pub", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        var open = Assert.Single(result.OpenPorts);
        Assert.Equal(TrafficQuery.Tcp(5432), open.Traffic);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-db tcp/5432 → db-pub (member of) → cluster-pub", open.Path);
    }

    [Fact]
    public void Any_traffic_question_on_a_memberless_object_is_not_reachable()
    {
        var result = Databases().Check().Reach("cluster-empty", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Empty(result.OpenPorts);
        Assert.Equal("cluster-empty is not reachable from the internet on all traffic: cluster-empty is used by no running resource in the graph, so it exposes nothing", result.Summary);
    }
}
