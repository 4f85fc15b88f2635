namespace CloudPI.Catalog.Tests.Cases;

/// <summary>rds-storage-encrypted: an RDS instance's storage_encrypted flag, as Cartography stores it.</summary>
internal sealed class RdsStorageEncryptedCases : IControlCases
{
    public string ControlId => "rds-storage-encrypted";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("storage_encrypted = false", Expected.Fail, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"], ("storage_encrypted", false)), "db-1"),
        new("storage_encrypted = true", Expected.Pass, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"], ("storage_encrypted", true)), "db-1"),
        new("the property not synced", Expected.Pass, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"]), "db-1"),
    ];
}
