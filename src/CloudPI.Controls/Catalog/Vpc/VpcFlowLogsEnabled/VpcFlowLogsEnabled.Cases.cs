namespace CloudPI.Catalog.Tests.Cases;

/// <summary>vpc-flow-logs-enabled: a VPC and its flow log as Pulumi declares them (Cartography does not ingest flow logs).</summary>
internal sealed class VpcFlowLogsEnabledCases : IControlCases
{
    public string ControlId => "vpc-flow-logs-enabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("the flow log records only accepted traffic", Expected.Fail, Pulumi: p => WithFlowLog(p, "ACCEPT"), PulumiResource: "main"),
        new("the flow log records all traffic", Expected.Pass, Pulumi: p => WithFlowLog(p, "ALL"), PulumiResource: "main"),
        new("no flow log", Expected.Fail, Pulumi: p => p.Add("aws:ec2/vpc:Vpc", "main", "{}"), PulumiResource: "main"),
    ];

    private static PreviewBuilder WithFlowLog(PreviewBuilder preview, string trafficType) =>
        preview.Add("aws:ec2/vpc:Vpc", "main", "{}")
            .Add("aws:ec2/flowLog:FlowLog", "log", $$"""{"vpcId":"{{PreviewBuilder.Unknown}}","trafficType":"{{trafficType}}"}""",
                dependencies: $$"""{"vpcId":["{{PreviewBuilder.Urn("aws:ec2/vpc:Vpc", "main")}}"]}""");
}
