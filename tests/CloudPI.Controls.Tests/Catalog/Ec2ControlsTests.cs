namespace CloudPI.Controls.Tests.Catalog;

public class Ec2ControlsTests
{
    [Theory]
    [InlineData("ec2-imdsv2-check", RiskKind.PrivilegeExposure, ControlSeverity.High)]
    [InlineData("ec2-launch-template-imdsv2-check", RiskKind.PrivilegeExposure, ControlSeverity.Low)]
    [InlineData("ec2-instance-profile-attached", RiskKind.PrivilegeExposure, ControlSeverity.Medium)]
    [InlineData("ec2-instance-no-public-ip", RiskKind.NetworkExposure, ControlSeverity.Medium)]
    [InlineData("ec2-instances-in-vpc", RiskKind.NetworkExposure, ControlSeverity.Medium)]
    [InlineData("ec2-instance-managed-by-systems-manager", RiskKind.Hygiene, ControlSeverity.Medium)]
    [InlineData("ec2-managedinstance-patch-compliance-status-check", RiskKind.Hygiene, ControlSeverity.High)]
    [InlineData("ec2-stopped-instance", RiskKind.Hygiene, ControlSeverity.Low)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("EC2", control.Service);
        Assert.Empty(control.Exposures);
    }

    [Fact]
    public void Systems_manager_rule_covers_the_inventory_resource_too()
    {
        Assert.Equal(
            ["AWS::EC2::Instance", "AWS::SSM::ManagedInstanceInventory"],
            Catalogs.ById("ec2-instance-managed-by-systems-manager").ResourceTypes);
    }

    [Fact]
    public void Patch_compliance_is_evaluated_on_the_ssm_compliance_resource()
    {
        Assert.Equal(["AWS::SSM::PatchCompliance"], Catalogs.ById("ec2-managedinstance-patch-compliance-status-check").ResourceTypes);
    }

    [Fact]
    public void Instance_and_launch_template_imdsv2_are_separate_controls()
    {
        Assert.Equal("ec2-imdsv2-check", Catalogs.Default.Resolve("CKV_AWS_79")?.Id);
        Assert.Equal("ec2-launch-template-imdsv2-check", Catalogs.Default.Resolve("ec2_launch_template_imdsv2_required")?.Id);
        Assert.Equal(["AWS::EC2::LaunchTemplate"], Catalogs.ById("ec2-launch-template-imdsv2-check").ResourceTypes);
    }
}
