using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ebs;

/// <summary>EBS encryption by default should be enabled in every region of the account.</summary>
public static class Ec2EbsEncryptionByDefault
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-ebs-encryption-by-default",
        Title = "EBS encryption by default is not enabled",
        Description = "The account's region does not encrypt new EBS volumes and snapshot copies by default, so any volume created without an explicit encryption setting stores its data unencrypted.",
        Severity = ControlSeverity.Medium,
        Service = "EBS",
        ResourceTypes = ["AWS::::Account"],
        Risk = RiskKind.DataProtection,
        Remediation = "Enable it in each region (aws ec2 enable-ebs-encryption-by-default, optionally aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key>; Terraform aws_ebs_encryption_by_default { enabled = true }).",
        Mappings = new()
        {
            ConfigRules = [new("EC2_EBS_ENCRYPTION_BY_DEFAULT", "ec2-ebs-encryption-by-default", ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["ec2_ebs_default_encryption"],
            ProwlerLegacyChecks = ["extra761"],
            CheckovIds = ["CKV_AWS_106"],
            SecurityHubControls = ["EC2.7"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
