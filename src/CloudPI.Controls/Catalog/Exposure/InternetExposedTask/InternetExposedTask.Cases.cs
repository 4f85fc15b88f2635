namespace CloudPI.Catalog.Tests.Cases;

/// <summary>internet-exposed-task: a Fargate task in a public subnet behind a group open on tcp/443.</summary>
internal sealed class InternetExposedTaskCases : IControlCases
{
    public string ControlId => "internet-exposed-task";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("its interface holds a public address", Expected.Fail, g => Task(g, "54.0.0.1"), "task-1"),
        new("its interface holds no public address", Expected.Pass, g => Task(g, null), "task-1"),
    ];

    private static CartographyGraph Task(CartographyGraph graph, string? publicIp) =>
        graph.PublicNetwork().SecurityGroup("sg-web").Inbound("sg-web", "tcp", 443, 443, "0.0.0.0/0").TaskDefinition("td-1")
            .NetworkInterface("eni-1", "subnet-1", publicIp, "sg-web").FargateTask("task-1", "td-1", "eni-1");
}
