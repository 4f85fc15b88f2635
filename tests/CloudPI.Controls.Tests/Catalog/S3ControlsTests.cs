namespace CloudPI.Controls.Tests.Catalog;

public class S3ControlsTests
{
    [Theory]
    [InlineData("s3-bucket-public-read-prohibited", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("s3-bucket-public-write-prohibited", RiskKind.PublicAccess, ControlSeverity.Critical)]
    [InlineData("s3-bucket-level-public-access-prohibited", RiskKind.PublicAccess, ControlSeverity.High)]
    [InlineData("s3-account-level-public-access-blocks-periodic", RiskKind.PublicAccess, ControlSeverity.High)]
    [InlineData("s3-bucket-ssl-requests-only", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("s3-bucket-server-side-encryption-enabled", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("s3-default-encryption-kms", RiskKind.DataProtection, ControlSeverity.Medium)]
    [InlineData("s3-bucket-acl-prohibited", RiskKind.Hygiene, ControlSeverity.Medium)]
    [InlineData("s3-bucket-versioning-enabled", RiskKind.Availability, ControlSeverity.Medium)]
    [InlineData("s3-bucket-logging-enabled", RiskKind.Visibility, ControlSeverity.Medium)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("S3", control.Service);
        Assert.Empty(control.Exposures);
    }

    [Fact]
    public void Public_read_and_write_split_prowlers_acl_and_policy_checks()
    {
        Assert.Equal("s3-bucket-public-read-prohibited", Catalogs.Default.Resolve("s3_bucket_public_list_acl")?.Id);
        Assert.Equal("s3-bucket-public-write-prohibited", Catalogs.Default.Resolve("s3_bucket_public_write_acl")?.Id);
        Assert.Equal("s3-bucket-public-write-prohibited", Catalogs.Default.Resolve("extra771")?.Id);
    }

    [Fact]
    public void Account_level_block_is_an_account_resource_and_kms_variant_also_evaluates_keys()
    {
        Assert.Equal(["AWS::::Account"], Catalogs.ById("s3-account-level-public-access-blocks-periodic").ResourceTypes);
        Assert.Equal(["AWS::S3::Bucket", "AWS::KMS::Key"], Catalogs.ById("s3-default-encryption-kms").ResourceTypes);
    }
}
