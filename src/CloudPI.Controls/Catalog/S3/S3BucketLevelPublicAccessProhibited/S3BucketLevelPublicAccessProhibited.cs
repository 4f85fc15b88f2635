using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Buckets should have Block Public Access enabled at bucket level.</summary>
public static class S3BucketLevelPublicAccessProhibited
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-level-public-access-prohibited",
        Title = "S3 bucket does not block public access",
        Description = "One or more of the bucket's Block Public Access settings is off, so a public ACL or bucket policy added later takes effect immediately.",
        Severity = ControlSeverity.High,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Enable all four settings (aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; Terraform aws_s3_bucket_public_access_block).",
        MandatoryWhenRecommended = true,
        Mappings = new()
        {
            ConfigRules =
            [
                new("S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "s3-bucket-level-public-access-prohibited", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("excludedPublicBuckets", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["s3_bucket_level_public_access_block"],
            CheckovIds = ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6"],
            SecurityHubControls = ["S3.8"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
