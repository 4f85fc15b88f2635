using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ebs;

/// <summary>Attached EBS volumes must be encrypted.</summary>
public static class EncryptedVolumes
{
    public static Control Control { get; } = new()
    {
        Id = "encrypted-volumes",
        Title = "EBS volume is not encrypted",
        Description = "The EBS volume is not encrypted at rest, so its data and every snapshot taken from it are readable by anyone who obtains a copy.",
        Severity = ControlSeverity.Medium,
        Service = "EBS",
        ResourceTypes = ["AWS::EC2::Volume"],
        Risk = RiskKind.DataProtection,
        Remediation = "Snapshot the volume, copy the snapshot with --encrypted (and a KMS key), create a new volume from it and swap it in; set encrypted = true on new volumes and enable EBS encryption by default.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("ENCRYPTED_VOLUMES", "encrypted-volumes", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("kmsId", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["ec2_ebs_volume_encryption"],
            ProwlerLegacyChecks = ["extra729"],
            CheckovIds = ["CKV_AWS_3", "CKV_AWS_189", "CKV_AWS_8"],
            SecurityHubControls = ["EC2.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
