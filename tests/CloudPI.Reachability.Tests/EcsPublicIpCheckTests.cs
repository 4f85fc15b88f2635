using CloudPI.GraphChecks;

namespace CloudPI.Reachability.Tests;

/// <summary>Security Hub ECS.2 on the graph: Cartography keeps no assignPublicIp, so the check reads what it produces.</summary>
public class EcsPublicIpCheckTests
{
    [Fact]
    public void A_service_whose_running_task_holds_a_public_address_fails_and_one_without_passes()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-web").Inbound("sg-web", "tcp", 443, 443, "0.0.0.0/0")
            .TaskDefinition("td-1")
            .NetworkInterface("eni-public", "subnet-1", "54.0.0.1", "sg-web").FargateTask("task-public", "td-1", "eni-public")
            .NetworkInterface("eni-private", "subnet-1", null, "sg-web").FargateTask("task-private", "td-1", "eni-private")
            .NetworkInterface("eni-stopped", "subnet-1", "54.0.0.2", "sg-web").FargateTask("task-stopped", "td-1", "eni-stopped", lastStatus: "STOPPED")
            .EcsService("svc-public", "td-1", "task-public")
            .EcsService("svc-private", "td-1", "task-private", "task-stopped")
            .Check();

        var findings = GraphCheckCatalog.Run(graph.View, graph.Engine).Where(f => f.Control.Id == "ecs-service-assign-public-ip-disabled").ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("svc-public", finding.Resource.Id);
        Assert.Equal("task task-public's interface eni-public has public IP 54.0.0.1 (assignPublicIp ENABLED)", finding.Detail);
    }
}
