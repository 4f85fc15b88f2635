namespace CloudPI.Catalog.Tests.Cases;

/// <summary>rds-instance-public-access-check: an RDS instance's publicly_accessible flag, as Cartography stores it.</summary>
internal sealed class RdsInstancePublicAccessCheckCases : IControlCases
{
    public string ControlId => "rds-instance-public-access-check";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("publicly_accessible = true", Expected.Fail, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"], ("publicly_accessible", true)), "db-1"),
        new("publicly_accessible = false", Expected.Pass, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"], ("publicly_accessible", false)), "db-1"),
        new("the property not synced", Expected.Pass, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"]), "db-1"),
    ];
}
