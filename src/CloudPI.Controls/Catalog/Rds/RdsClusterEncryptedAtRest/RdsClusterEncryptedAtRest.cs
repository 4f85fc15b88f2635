using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB clusters must be encrypted at rest.</summary>
public static class RdsClusterEncryptedAtRest
{
    public static Control Control { get; } = new()
    {
        Id = "rds-cluster-encrypted-at-rest",
        Title = "RDS DB cluster is not encrypted at rest",
        Description = "The DB cluster's storage is not encrypted, so the cluster volume, its backups and its snapshots hold the data unencrypted.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBCluster"],
        Risk = RiskKind.DataProtection,
        Remediation = "Snapshot the cluster, restore it from the snapshot with --kms-key-id <key> (aws rds restore-db-cluster-from-snapshot) and cut over; set storage_encrypted = true on new clusters.",
        Mappings = new()
        {
            ConfigRules = [new("RDS_CLUSTER_ENCRYPTED_AT_REST", "rds-cluster-encrypted-at-rest", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_cluster_storage_encrypted"],
            CheckovIds = ["CKV_AWS_96"],
            SecurityHubControls = ["RDS.27"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
