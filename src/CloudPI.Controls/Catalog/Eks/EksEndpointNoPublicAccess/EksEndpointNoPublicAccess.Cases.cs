namespace CloudPI.Catalog.Tests.Cases;

/// <summary>eks-endpoint-no-public-access: an EKS cluster's endpoint flag, as Cartography stores it.</summary>
internal sealed class EksEndpointNoPublicAccessCases : IControlCases
{
    public string ControlId => "eks-endpoint-no-public-access";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("endpoint_public_access = true", Expected.Fail, g => g.Node("eks-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true)), "eks-1"),
        new("endpoint_public_access = false", Expected.Pass, g => g.Node("eks-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", false)), "eks-1"),
        new("the property not synced", Expected.Pass, g => g.Node("eks-1", ["AWSEKSCluster", "EKSCluster"]), "eks-1"),
    ];
}
