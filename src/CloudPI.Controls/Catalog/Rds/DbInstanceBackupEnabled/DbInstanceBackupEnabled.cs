using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances should have automated backups with the required retention.</summary>
public static class DbInstanceBackupEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "db-instance-backup-enabled",
        Title = "RDS DB instance does not have automated backups",
        Description = "Automated backups are disabled (retention period 0) or do not meet the required retention, so the database cannot be restored to a recent point in time after corruption or deletion.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.Availability,
        Remediation = "Set a backup retention period of at least 7 days (aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 7 --apply-immediately; Terraform backup_retention_period = 7).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("DB_INSTANCE_BACKUP_ENABLED", "db-instance-backup-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("backupRetentionMinimum", "int", true),
                        new("backupRetentionPeriod", "int", true),
                        new("checkReadReplicas", "boolean", true),
                        new("preferredBackupWindow", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["rds_instance_backup_enabled"],
            ProwlerLegacyChecks = ["extra739"],
            CheckovIds = ["CKV_AWS_133"],
            SecurityHubControls = ["RDS.11"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
