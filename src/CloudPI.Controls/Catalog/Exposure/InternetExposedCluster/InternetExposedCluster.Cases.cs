namespace CloudPI.Catalog.Tests.Cases;

/// <summary>internet-exposed-cluster: an EKS cluster's API endpoint.</summary>
internal sealed class InternetExposedClusterCases : IControlCases
{
    public string ControlId => "internet-exposed-cluster";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("a public endpoint with no CIDR limit", Expected.Fail, g => g.Node("eks-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true)), "eks-1"),
        new("a public endpoint limited to an office range", Expected.Pass,
            g => g.Node("eks-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true), ("public_access_cidrs", new[] { "203.0.113.0/24" })), "eks-1"),
        new("a private endpoint", Expected.Pass, g => g.Node("eks-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", false)), "eks-1"),
    ];
}
