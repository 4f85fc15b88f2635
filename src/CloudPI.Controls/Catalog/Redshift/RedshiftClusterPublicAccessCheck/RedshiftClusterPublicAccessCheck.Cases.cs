namespace CloudPI.Catalog.Tests.Cases;

/// <summary>redshift-cluster-public-access-check: a Redshift cluster's publicly_accessible flag, as Cartography stores it.</summary>
internal sealed class RedshiftClusterPublicAccessCheckCases : IControlCases
{
    public string ControlId => "redshift-cluster-public-access-check";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("publicly_accessible = true", Expected.Fail, g => g.Node("rs-1", ["AWSRedshiftCluster", "RedshiftCluster"], ("publicly_accessible", true)), "rs-1"),
        new("publicly_accessible = false", Expected.Pass, g => g.Node("rs-1", ["AWSRedshiftCluster", "RedshiftCluster"], ("publicly_accessible", false)), "rs-1"),
        new("the property not synced", Expected.Pass, g => g.Node("rs-1", ["AWSRedshiftCluster", "RedshiftCluster"]), "rs-1"),
    ];
}
