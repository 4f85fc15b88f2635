using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instance storage must be encrypted.</summary>
public static class RdsStorageEncrypted
{
    public static Control Control { get; } = new()
    {
        Id = "rds-storage-encrypted",
        Title = "RDS DB instance storage is not encrypted",
        Description = "The DB instance's storage is not encrypted at rest, so its data files, automated backups, read replicas and snapshots are all unencrypted.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.DataProtection,
        Remediation = "Encryption cannot be turned on in place: snapshot the instance, copy the snapshot with a KMS key (aws rds copy-db-snapshot --kms-key-id <key>), restore from the encrypted copy and cut over; set storage_encrypted = true for new instances.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("RDS_STORAGE_ENCRYPTED", "rds-storage-encrypted", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("kmsKeyId", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["rds_instance_storage_encrypted"],
            ProwlerLegacyChecks = ["extra735"],
            CheckovIds = ["CKV_AWS_16"],
            SecurityHubControls = ["RDS.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
