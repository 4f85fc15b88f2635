namespace CloudPI.Catalog.Tests.Cases;

/// <summary>eks-cluster-log-enabled: an EKS cluster's control-plane logs as Pulumi declares them (not in the graph).</summary>
internal sealed class EksClusterLogEnabledCases : IControlCases
{
    public string ControlId => "eks-cluster-log-enabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("{'enabledClusterLogTypes':['api','audit']}", Expected.Fail, Pulumi: p => p.Add("aws:eks/cluster:Cluster", "c", """{"enabledClusterLogTypes":["api","audit"]}"""), PulumiResource: "c"),
        // The graph does not hold the cluster's log types; a finding on its cluster is judged all the same.
        new("a cluster with a public endpoint, logs missing", Expected.Fail,
            g => g.Node("c-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true)), "c-1", Exploitable: ExploitabilityStatus.NotExploitable),
        new("{'enabledClusterLogTypes':['api','audit','authenticator']}", Expected.Pass, Pulumi: p => p.Add("aws:eks/cluster:Cluster", "c", """{"enabledClusterLogTypes":["api","audit","authenticator"]}"""), PulumiResource: "c"),
    ];
}
