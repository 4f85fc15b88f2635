using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>S3 buckets must not allow public read access through their ACL or policy.</summary>
public static class S3BucketPublicReadProhibited
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-public-read-prohibited",
        Title = "S3 bucket allows public read access",
        Description = "The bucket's ACL or bucket policy lets anonymous or any-AWS-account principals list or read objects, and Block Public Access does not stop it, so its data is open to the internet.",
        Severity = ControlSeverity.Critical,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Remove AllUsers/AuthenticatedUsers grants and Allow statements with a \"*\" principal, disable ACLs (BucketOwnerEnforced), and turn on all four Block Public Access settings for the bucket and the account.",
        MandatoryWhenRecommended = true,
        Mappings = new()
        {
            ConfigRules = [new("S3_BUCKET_PUBLIC_READ_PROHIBITED", "s3-bucket-public-read-prohibited", ConfigRuleTrigger.ConfigurationChange | ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["s3_bucket_public_access", "s3_bucket_public_list_acl"],
            ProwlerLegacyChecks = ["extra73"],
            CheckovIds = ["CKV_AWS_20", "CKV_AWS_70"],
            SecurityHubControls = ["S3.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
