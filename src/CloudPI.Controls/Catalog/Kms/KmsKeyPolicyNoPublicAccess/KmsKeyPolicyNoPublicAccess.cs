using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Kms;

/// <summary>KMS key policies must not grant access to every principal.</summary>
public static class KmsKeyPolicyNoPublicAccess
{
    public static Control Control { get; } = new()
    {
        Id = "kms-key-policy-no-public-access",
        Title = "KMS key policy allows public access",
        Description = "The key policy grants access to a wildcard principal without a restricting condition, so any AWS account can use or manage the key and decrypt the data it protects.",
        Severity = ControlSeverity.Critical,
        Service = "KMS",
        ResourceTypes = ["AWS::KMS::Key"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Replace the \"*\" principal with specific account or role ARNs, or add aws:PrincipalOrgID / aws:SourceAccount conditions (aws kms put-key-policy --key-id <key> --policy-name default --policy file://policy.json).",
        Mappings = new()
        {
            ConfigRules = [new("KMS_KEY_POLICY_NO_PUBLIC_ACCESS", "kms-key-policy-no-public-access", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["kms_key_not_publicly_accessible"],
            ProwlerLegacyChecks = ["extra736"],
            CheckovIds = ["CKV_AWS_33"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
