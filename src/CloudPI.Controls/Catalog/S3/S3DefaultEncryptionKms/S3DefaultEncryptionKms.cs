using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Buckets should encrypt by default with AWS KMS (optionally with one of the listed keys).</summary>
public static class S3DefaultEncryptionKms
{
    public static Control Control { get; } = new()
    {
        Id = "s3-default-encryption-kms",
        Title = "S3 bucket is not encrypted by default with KMS",
        Description = "The bucket's default encryption does not use an AWS KMS key (or not one of the approved keys), so access to its objects is not additionally governed by a key policy.",
        Severity = ControlSeverity.Medium,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket", "AWS::KMS::Key"],
        Risk = RiskKind.DataProtection,
        Remediation = "Set default encryption to SSE-KMS with the approved key (aws s3api put-bucket-encryption with SSEAlgorithm aws:kms and KMSMasterKeyID <key-arn>, BucketKeyEnabled true; Terraform aws_s3_bucket_server_side_encryption_configuration).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("S3_DEFAULT_ENCRYPTION_KMS", "s3-default-encryption-kms", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("kmsKeyArns", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["s3_bucket_kms_encryption"],
            CheckovIds = ["CKV_AWS_145"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
