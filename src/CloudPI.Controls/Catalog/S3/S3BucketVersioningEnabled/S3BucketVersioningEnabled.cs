using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Buckets should have versioning enabled.</summary>
public static class S3BucketVersioningEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-versioning-enabled",
        Title = "S3 bucket versioning is not enabled",
        Description = "Versioning is off for the bucket, so overwritten or deleted objects cannot be recovered after a mistake or a ransomware-style overwrite.",
        Severity = ControlSeverity.Medium,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.Availability,
        Remediation = "Enable versioning (aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled; Terraform aws_s3_bucket_versioning) and add lifecycle rules to expire old versions.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("S3_BUCKET_VERSIONING_ENABLED", "s3-bucket-versioning-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("isMfaDeleteEnabled", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["s3_bucket_object_versioning"],
            ProwlerLegacyChecks = ["extra763"],
            CheckovIds = ["CKV_AWS_21"],
            SecurityHubControls = ["S3.14"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
