namespace CloudPI.Controls.Tests.Catalog;

public class KmsControlsTests
{
    [Theory]
    [InlineData("cmk-backing-key-rotation-enabled", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("kms-cmk-not-scheduled-for-deletion", RiskKind.Availability, ControlSeverity.Critical)]
    [InlineData("kms-key-policy-no-public-access", RiskKind.PublicAccess, ControlSeverity.Critical)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("KMS", control.Service);
        Assert.Equal(["AWS::KMS::Key"], control.ResourceTypes);
    }

    [Fact]
    public void Rotation_maps_to_preventive_control_1()
    {
        var mappings = Catalogs.ById("cmk-backing-key-rotation-enabled").Mappings;

        Assert.Equal(["check28"], mappings.ProwlerLegacyChecks);
        Assert.Equal(["CKV_AWS_7"], mappings.CheckovIds);
        Assert.Equal(["KMS.4"], mappings.SecurityHubControls);
    }
}
