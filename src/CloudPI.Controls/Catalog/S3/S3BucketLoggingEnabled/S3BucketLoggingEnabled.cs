using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Buckets should have server access logging enabled.</summary>
public static class S3BucketLoggingEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-logging-enabled",
        Title = "S3 bucket server access logging is disabled",
        Description = "Server access logging is off for the bucket, so requests against its objects are not recorded unless CloudTrail data events cover it.",
        Severity = ControlSeverity.Medium,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.Visibility,
        Remediation = "Enable server access logging to a separate log bucket (aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"<prefix>/\"}}'), or enable CloudTrail S3 data events.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("S3_BUCKET_LOGGING_ENABLED", "s3-bucket-logging-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("targetPrefix", "String", true),
                        new("targetBucket", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["s3_bucket_server_access_logging_enabled"],
            ProwlerLegacyChecks = ["extra718"],
            CheckovIds = ["CKV_AWS_18"],
            SecurityHubControls = ["S3.9"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
