using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>Bucket ACLs should be disabled in favour of policies (Object Ownership BucketOwnerEnforced).</summary>
public static class S3BucketAclProhibited
{
    public static Control Control { get; } = new()
    {
        Id = "s3-bucket-acl-prohibited",
        Title = "S3 bucket uses access control lists",
        Description = "The bucket still honours ACLs (Object Ownership is not BucketOwnerEnforced), so access can be granted through hard-to-audit bucket and object ACLs outside the bucket policy.",
        Severity = ControlSeverity.Medium,
        Service = "S3",
        ResourceTypes = ["AWS::S3::Bucket"],
        Risk = RiskKind.Hygiene,
        Remediation = "Move ACL grants into the bucket policy, then disable ACLs (aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]).",
        Mappings = new()
        {
            ConfigRules = [new("S3_BUCKET_ACL_PROHIBITED", "s3-bucket-acl-prohibited", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["s3_bucket_acl_prohibited"],
            ProwlerLegacyChecks = ["extra7172"],
            CheckovIds = ["CKV2_AWS_65"],
            SecurityHubControls = ["S3.12"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
