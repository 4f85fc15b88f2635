using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Buckets should have default server-side encryption configured.</summary>
public static class S3BucketServerSideEncryptionEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-server-side-encryption-enabled",
        Title = "S3 bucket has no default server-side encryption",
        Description = "The bucket has no default encryption configuration (SSE-S3, SSE-KMS or DSSE-KMS), so objects written without encryption headers rely on the account-wide default alone.",
        Severity = ControlSeverity.Medium,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.DataProtection,
        Remediation = "Configure default encryption (aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\"},\"BucketKeyEnabled\":true}]}').",
        Mappings = new()
        {
            ConfigRules = [new("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "s3-bucket-server-side-encryption-enabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["s3_bucket_default_encryption"],
            ProwlerLegacyChecks = ["extra734"],
            CheckovIds = ["CKV_AWS_19"],
            SecurityHubControls = ["S3.4"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
