using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Bucket policies must deny requests that do not use TLS.</summary>
public static class S3BucketSslRequestsOnly
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-ssl-requests-only",
        Title = "S3 bucket accepts requests without TLS",
        Description = "The bucket policy has no statement denying requests where aws:SecureTransport is false, so clients can read and write objects over plain HTTP.",
        Severity = ControlSeverity.Medium,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.DataProtection,
        Remediation = "Add a bucket policy statement with Effect Deny, Principal \"*\", Action s3:*, Resource the bucket and its objects, and Condition Bool aws:SecureTransport = false.",
        Mappings = new()
        {
            ConfigRules = [new("S3_BUCKET_SSL_REQUESTS_ONLY", "s3-bucket-ssl-requests-only", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["s3_bucket_secure_transport_policy"],
            ProwlerLegacyChecks = ["extra764"],
            // No general Checkov check exists (CKV_AWS_379 covers only buckets with a public ACL).
            SecurityHubControls = ["S3.5"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
