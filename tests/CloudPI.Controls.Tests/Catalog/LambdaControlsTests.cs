namespace CloudPI.Controls.Tests.Catalog;

public class LambdaControlsTests
{
    [Theory]
    [InlineData("lambda-function-public-access-prohibited", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("lambda-function-settings-check", RiskKind.Hygiene, ControlSeverity.Medium)]
    [InlineData("lambda-inside-vpc", RiskKind.Hygiene, ControlSeverity.Low)]
    [InlineData("lambda-dlq-check", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("lambda-vpc-multi-az-check", RiskKind.Availability, ControlSeverity.Medium)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("Lambda", control.Service);
        Assert.Equal(["AWS::Lambda::Function"], control.ResourceTypes);
    }

    [Fact]
    public void Public_function_policy_resolves_from_prowler_old_and_new()
    {
        var control = Catalogs.ById("lambda-function-public-access-prohibited");

        Assert.Same(control, Catalogs.Default.Resolve("awslambda_function_not_publicly_accessible"));
        Assert.Same(control, Catalogs.Default.Resolve("extra798"));
        Assert.Empty(control.Exposures);
    }
}
