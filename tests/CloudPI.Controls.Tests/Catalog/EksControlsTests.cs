namespace CloudPI.Controls.Tests.Catalog;

public class EksControlsTests
{
    [Theory]
    [InlineData("eks-cluster-log-enabled", RiskKind.Visibility, ControlSeverity.Medium)]
    [InlineData("eks-secrets-encrypted", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("eks-endpoint-no-public-access", RiskKind.PublicAccess, ControlSeverity.High)]
    [InlineData("eks-cluster-supported-version", RiskKind.Hygiene, ControlSeverity.High)]
    [InlineData("eks-resources-tagged", RiskKind.Hygiene, ControlSeverity.Low)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("EKS", control.Service);
    }

    [Fact]
    public void Endpoint_exposure_is_the_api_server_port()
    {
        Assert.Equal([NetworkExposure.Tcp(443)], Catalogs.ById("eks-endpoint-no-public-access").Exposures);
    }

    [Fact]
    public void Logging_rule_variants_are_one_control()
    {
        var mappings = Catalogs.ById("eks-cluster-log-enabled").Mappings;

        Assert.Equal(["EKS_CLUSTER_LOG_ENABLED", "EKS_CLUSTER_LOGGING_ENABLED"], mappings.ConfigRuleIdentifiers);
        Assert.Equal(["eks-cluster-log-enabled", "eks-cluster-logging-enabled"], mappings.ConfigRuleNames);
    }

    [Fact]
    public void Secrets_rule_variants_are_one_control()
    {
        var mappings = Catalogs.ById("eks-secrets-encrypted").Mappings;

        Assert.Equal(["EKS_SECRETS_ENCRYPTED", "EKS_CLUSTER_SECRETS_ENCRYPTED"], mappings.ConfigRuleIdentifiers);
        Assert.Equal(["eks-secrets-encrypted", "eks-cluster-secrets-encrypted"], mappings.ConfigRuleNames);
    }

    [Fact]
    public void Endpoint_control_claims_prowlers_renamed_checks()
    {
        var control = Catalogs.ById("eks-endpoint-no-public-access");

        Assert.Same(control, Catalogs.Default.Resolve("eks_cluster_not_publicly_accessible"));
        Assert.Same(control, Catalogs.Default.Resolve("eks_endpoints_not_publicly_accessible"));
        Assert.Same(control, Catalogs.Default.Resolve("extra795"));
    }
}
