using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters should take automated snapshots with the required retention.</summary>
public static class RedshiftBackupEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-backup-enabled",
        Title = "Redshift cluster does not have automated snapshots",
        Description = "Automated snapshots are disabled or kept for less than the required period, so the cluster cannot be restored to a recent state after data loss.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        Risk = RiskKind.Availability,
        Remediation = "Set an automated snapshot retention period of at least 7 days (aws redshift modify-cluster --cluster-identifier <cluster> --automated-snapshot-retention-period 7; Terraform automated_snapshot_retention_period).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("REDSHIFT_BACKUP_ENABLED", "redshift-backup-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("MinRetentionPeriod", "int", true),
                        new("MaxRetentionPeriod", "int", true),
                    ],
                },
            ],
            ProwlerChecks = ["redshift_cluster_automated_snapshot"],
            ProwlerLegacyChecks = ["extra7149"],
            SecurityHubControls = ["Redshift.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
