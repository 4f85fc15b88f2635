namespace CloudPI.Controls.Tests.Catalog;

public class EbsControlsTests
{
    [Theory]
    [InlineData("encrypted-volumes", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("ec2-ebs-encryption-by-default", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("ebs-snapshot-public-restorable-check", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("ec2-volume-inuse-check", RiskKind.Hygiene, ControlSeverity.Low)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("EBS", control.Service);
    }

    [Theory]
    [InlineData("ec2-ebs-encryption-by-default")]
    [InlineData("ebs-snapshot-public-restorable-check")]
    public void Account_level_rules_report_against_the_account(string id)
    {
        Assert.Equal(["AWS::::Account"], Catalogs.ById(id).ResourceTypes);
    }

    [Fact]
    public void Volume_in_use_check_has_no_prowler_equivalent()
    {
        var mappings = Catalogs.ById("ec2-volume-inuse-check").Mappings;

        Assert.Empty(mappings.ProwlerChecks);
        Assert.Equal(["EC2_VOLUME_INUSE_CHECK"], mappings.ConfigRuleIdentifiers);
    }
}
