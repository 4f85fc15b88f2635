namespace CloudPI.Catalog.Tests.Cases;

/// <summary>ecs-service-assign-public-ip-disabled: a service whose running task holds, or does not hold, a public address.</summary>
internal sealed class EcsServiceAssignPublicIpDisabledCases : IControlCases
{
    public string ControlId => "ecs-service-assign-public-ip-disabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("a running task with a public address", Expected.Fail, g => Service(g, "54.0.0.1", "RUNNING"), "svc-1"),
        new("a running task without one", Expected.Pass, g => Service(g, null, "RUNNING"), "svc-1"),
        new("only a stopped task had one", Expected.Pass, g => Service(g, "54.0.0.1", "STOPPED"), "svc-1"),
    ];

    private static CartographyGraph Service(CartographyGraph graph, string? publicIp, string status) =>
        graph.PublicNetwork().SecurityGroup("sg-web").TaskDefinition("td-1")
            .NetworkInterface("eni-1", "subnet-1", publicIp, "sg-web").FargateTask("task-1", "td-1", "eni-1", lastStatus: status)
            .EcsService("svc-1", "td-1", "task-1");
}
