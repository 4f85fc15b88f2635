namespace CloudPI.Controls.Tests.Catalog;

public class SqsControlsTests
{
    [Theory]
    [InlineData("sqs-queue-no-public-access", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("sqs-queue-policy-full-access-check", RiskKind.PrivilegeExposure, ControlSeverity.Medium)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("SQS", control.Service);
        Assert.Equal(["AWS::SQS::Queue"], control.ResourceTypes);
    }

    [Fact]
    public void Full_access_rule_has_no_prowler_equivalent_but_takes_checkovs_wildcard_action_check()
    {
        var mappings = Catalogs.ById("sqs-queue-policy-full-access-check").Mappings;

        Assert.Empty(mappings.ProwlerChecks);
        Assert.Equal(["CKV_AWS_72"], mappings.CheckovIds);
    }
}
