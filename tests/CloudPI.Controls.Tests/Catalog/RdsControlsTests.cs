namespace CloudPI.Controls.Tests.Catalog;

public class RdsControlsTests
{
    [Theory]
    [InlineData("rds-instance-public-access-check", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("rds-snapshots-public-prohibited", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("rds-instance-deletion-protection-enabled", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("rds-cluster-deletion-protection-enabled", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("db-instance-backup-enabled", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("rds-multi-az-support", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("rds-storage-encrypted", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("rds-snapshot-encrypted", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("rds-cluster-encrypted-at-rest", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("rds-logging-enabled", RiskKind.Visibility, ControlSeverity.Medium)]
    [InlineData("rds-instance-iam-authentication-enabled", RiskKind.PrivilegeExposure, ControlSeverity.Medium)]
    [InlineData("rds-automatic-minor-version-upgrade-enabled", RiskKind.Hygiene, ControlSeverity.Low)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("RDS", control.Service);
    }

    [Fact]
    public void Public_access_port_comes_from_the_resource_not_the_catalog()
    {
        Assert.Empty(Catalogs.ById("rds-instance-public-access-check").Exposures);
    }

    [Theory]
    [InlineData("rds-snapshots-public-prohibited")]
    [InlineData("rds-snapshot-encrypted")]
    public void Snapshot_rules_cover_instance_and_cluster_snapshots(string id)
    {
        Assert.Equal(["AWS::RDS::DBSnapshot", "AWS::RDS::DBClusterSnapshot"], Catalogs.ById(id).ResourceTypes);
    }

    [Fact]
    public void Instance_and_cluster_deletion_protection_are_separate()
    {
        Assert.Equal(["AWS::RDS::DBInstance"], Catalogs.ById("rds-instance-deletion-protection-enabled").ResourceTypes);
        Assert.Equal(["AWS::RDS::DBCluster"], Catalogs.ById("rds-cluster-deletion-protection-enabled").ResourceTypes);
        Assert.Equal("rds-cluster-deletion-protection-enabled", Catalogs.Default.Resolve("rds_cluster_deletion_protection")?.Id);
    }
}
