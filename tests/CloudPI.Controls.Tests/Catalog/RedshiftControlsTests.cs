namespace CloudPI.Controls.Tests.Catalog;

public class RedshiftControlsTests
{
    [Theory]
    [InlineData("redshift-cluster-public-access-check", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("redshift-cluster-kms-enabled", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("redshift-cluster-configuration-check", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("redshift-require-tls-ssl", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("redshift-enhanced-vpc-routing-enabled", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("redshift-backup-enabled", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("redshift-audit-logging-enabled", RiskKind.Visibility, ControlSeverity.Medium)]
    [InlineData("redshift-cluster-maintenancesettings-check", RiskKind.Hygiene, ControlSeverity.Medium)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("Redshift", control.Service);
    }

    [Fact]
    public void Public_access_port_comes_from_the_resource_not_the_catalog()
    {
        Assert.Empty(Catalogs.ById("redshift-cluster-public-access-check").Exposures);
    }

    [Fact]
    public void Shared_prowler_ids_go_to_the_single_purpose_controls()
    {
        Assert.Equal("redshift-cluster-kms-enabled", Catalogs.Default.Resolve("redshift_cluster_encrypted_at_rest")?.Id);
        Assert.Equal("redshift-audit-logging-enabled", Catalogs.Default.Resolve("redshift_cluster_audit_logging")?.Id);
        Assert.Empty(Catalogs.ById("redshift-cluster-configuration-check").Mappings.ProwlerChecks);
    }

    [Fact]
    public void Tls_rule_also_evaluates_parameter_groups()
    {
        Assert.Equal(
            ["AWS::Redshift::Cluster", "AWS::Redshift::ClusterParameterGroup"],
            Catalogs.ById("redshift-require-tls-ssl").ResourceTypes);
    }
}
