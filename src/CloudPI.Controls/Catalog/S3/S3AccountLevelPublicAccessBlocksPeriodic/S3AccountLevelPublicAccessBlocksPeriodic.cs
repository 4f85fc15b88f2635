using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.S3;

/// <summary>The account should block public access to S3 for all buckets.</summary>
public static class S3AccountLevelPublicAccessBlocksPeriodic
{
    public static Control Control { get; } = new()
    {
        Id = "s3-account-level-public-access-blocks-periodic",
        Title = "S3 account-level Block Public Access is not fully enabled",
        Description = "The account-level S3 Block Public Access settings are not all on, so every bucket depends on its own settings and one misconfigured bucket can become public.",
        Severity = ControlSeverity.High,
        Service = "S3",
        ResourceTypes = ["AWS::::Account"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Enable all four account settings (aws s3control put-public-access-block --account-id <account> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; Terraform aws_s3_account_public_access_block).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "s3-account-level-public-access-blocks-periodic", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("IgnorePublicAcls", "String", true),
                        new("BlockPublicPolicy", "String", true),
                        new("BlockPublicAcls", "String", true),
                        new("RestrictPublicBuckets", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["s3_account_level_public_access_blocks"],
            ProwlerLegacyChecks = ["extra7186"],
            SecurityHubControls = ["S3.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
