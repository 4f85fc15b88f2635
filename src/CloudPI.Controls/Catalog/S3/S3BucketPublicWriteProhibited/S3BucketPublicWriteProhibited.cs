using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>S3 buckets must not allow public write access through their ACL or policy.</summary>
public static class S3BucketPublicWriteProhibited
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-public-write-prohibited",
        Title = "S3 bucket allows public write access",
        Description = "The bucket's ACL or bucket policy lets anonymous or any-AWS-account principals write or delete objects, so anyone can plant content, overwrite data or run up storage costs.",
        Severity = ControlSeverity.Critical,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Remove WRITE grants to AllUsers/AuthenticatedUsers and Allow statements for s3:Put*/s3:Delete* with a \"*\" principal (aws s3api put-bucket-acl --bucket <bucket> --acl private), and enable Block Public Access.",
        MandatoryWhenRecommended = true,
        Mappings = new()
        {
            ConfigRules = [new("S3_BUCKET_PUBLIC_WRITE_PROHIBITED", "s3-bucket-public-write-prohibited", ConfigRuleTrigger.ConfigurationChange | ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["s3_bucket_policy_public_write_access", "s3_bucket_public_write_acl"],
            ProwlerLegacyChecks = ["extra771"],
            CheckovIds = ["CKV_AWS_57"],
            SecurityHubControls = ["S3.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
