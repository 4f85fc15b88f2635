using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>Public addresses and instance state, in the open baseline network with sg-1 tcp/22 from 0.0.0.0/0.</summary>
public class AddressAndStateTests
{
    private static CartographyGraph OpenNetwork() =>
        new CartographyGraph().PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0");

    [Fact]
    public void Stopped_instance_is_not_reachable_now_though_cartography_flags_it()
    {
        var graph = OpenNetwork().Instance("i-1", "subnet-1", "54.0.0.1", "stopped", "sg-1").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ i-1", result.Path);
        Assert.Equal("state", result.Evidence.Single().LayerName);
        Assert.Equal(CartographyAgreement.CartographyOverstates, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Cartography_comparison_tells_a_stored_flag_from_a_recomputed_one()
    {
        var graph = OpenNetwork().Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1")
            .Node("i-3", ["AWSEC2Instance", "EC2Instance"], ("exposed_internet", true), ("publicipaddress", "54.0.0.3")).Check();

        Assert.False(graph.Compare("i-1", null).Cartography.FlagInGraph);
        Assert.True(graph.Compare("i-1", null).Cartography.Exposed);
        Assert.True(graph.Compare("i-3", null).Cartography.FlagInGraph);
    }

    [Fact]
    public void No_public_ip_is_not_reachable_and_there_is_nothing_to_change()
    {
        var graph = OpenNetwork().Instance("i-1", "subnet-1", null, "running", "sg-1").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Null(result.Fix);
        Assert.Contains("no public IPv4 address", result.Summary);
        Assert.Contains("nothing to change", result.Summary);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Elastic_ip_gives_a_public_address()
    {
        var graph = OpenNetwork().Instance("i-1", "subnet-1", null, "running", "sg-1")
            .Node("54.0.0.9", ["AWSElasticIPAddress", "ElasticIPAddress"], ("public_ip", "54.0.0.9"), ("instance_id", "i-1"))
            .Edge("i-1", "ELASTIC_IP_ADDRESS", "54.0.0.9").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains("54.0.0.9 (Elastic IP)", result.Evidence[0].Reason);
        // Cartography's direct rule reads publicipaddress only.
        Assert.Equal(CartographyAgreement.CartographyMisses, graph.Compare("i-1", NetworkExposure.Tcp(22)).Agreement);
    }

    [Fact]
    public void Eni_public_ip_and_eni_security_group_count()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-eni").Inbound("sg-eni", "tcp", 22, 22, "0.0.0.0/0")
            .Instance("i-1", "subnet-1", null)
            .NetworkInterface("eni-1", "subnet-1", "54.0.0.7", "sg-eni")
            .Edge("i-1", "NETWORK_INTERFACE", "eni-1").Check();

        var result = graph.Ssh("i-1");

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-eni tcp/22 → i-1", result.Path);
        Assert.Contains("public IP of eni-1", result.Evidence[0].Reason);
        Assert.Equal(ReachabilityVerdict.Reachable, graph.Ssh("eni-1").Verdict);
    }

    [Fact]
    public void Every_public_address_is_named_with_its_source_once()
    {
        var graph = OpenNetwork().Instance("i-1", "subnet-1", "54.0.0.1", "running")
            .Interface("eni-1", "subnet-1", "54.0.0.7", "10.0.1.50", "sg-1")
            .Node("10.0.1.60", ["AWSEC2PrivateIp", "EC2PrivateIp"], ("private_ip_address", "10.0.1.60"), ("public_ip", "54.0.0.8"))
            .Node("2600:1f18::1", ["AWSEC2Ipv6Address", "EC2Ipv6Address"], ("ipv6_address", "2600:1f18::1"))
            .Node("54.0.0.7", ["AWSElasticIPAddress", "ElasticIPAddress"], ("public_ip", "54.0.0.7"))
            .Edge("i-1", "NETWORK_INTERFACE", "eni-1").Edge("eni-1", "PRIVATE_IP_ADDRESS", "10.0.1.60")
            .Edge("eni-1", "IPV6_ADDRESS", "2600:1f18::1").Edge("eni-1", "ELASTIC_IP_ADDRESS", "54.0.0.7").Check();

        var result = graph.Ssh("i-1");

        // The interface's Elastic IP is its public IP too (listed once, by its first source); the instance's own address,
        // on no interface, belongs to its primary one.
        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal(
            "public address 54.0.0.7 (Elastic IP on eni-1), 54.0.0.8 (public IP of eni-1's private address 10.0.1.60), 2600:1f18::1 (IPv6 address of eni-1), 54.0.0.1 (publicipaddress of i-1)",
            result.Evidence[0].Reason);
    }

    [Fact]
    public void Ecs_task_reachable_through_its_awsvpc_interface()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-task").Inbound("sg-task", "tcp", 80, 80, "0.0.0.0/0")
            .NetworkInterface("eni-task", "subnet-1", "54.0.0.8", "sg-task")
            .Node("task-1", ["AWSECSTask", "ECSTask"], ("launch_type", "FARGATE"), ("last_status", "RUNNING"))
            .Node("container-1", ["AWSECSContainer", "ECSContainer"])
            .Edge("task-1", "NETWORK_INTERFACE", "eni-task").Edge("task-1", "HAS_CONTAINER", "container-1").Check();

        var result = graph.Reach("container-1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal(["tcp/80"], result.OpenPorts.Select(p => p.Traffic.ToString()));
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("container-1", null).Agreement);
    }
}
