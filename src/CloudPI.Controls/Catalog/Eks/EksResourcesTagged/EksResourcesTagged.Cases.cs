namespace CloudPI.Catalog.Tests.Cases;

/// <summary>eks-resources-tagged: an EKS resource's tags as Pulumi declares them.</summary>
internal sealed class EksResourcesTaggedCases : IControlCases
{
    public string ControlId => "eks-resources-tagged";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("{'tags':{'Name':'a'}}", Expected.Fail, Pulumi: p => p.Add("aws:eks/nodeGroup:NodeGroup", "n", """{"tags":{"Name":"a"}}"""), PulumiResource: "n"),
        new("an untagged cluster with a public endpoint", Expected.Fail,
            g => g.Node("c-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true)), "c-1", Exploitable: ExploitabilityStatus.NotExploitable),
        new("{'tags':{'Name':'a','env':'dev'}}", Expected.Pass, Pulumi: p => p.Add("aws:eks/nodeGroup:NodeGroup", "n", """{"tags":{"Name":"a","env":"dev"}}"""), PulumiResource: "n"),
    ];
}
