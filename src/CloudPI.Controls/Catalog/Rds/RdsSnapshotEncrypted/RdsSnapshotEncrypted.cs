using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB and cluster snapshots must be encrypted.</summary>
public static class RdsSnapshotEncrypted
{
    public static Control Control { get; } = new()
    {
        Id = "rds-snapshot-encrypted",
        Title = "RDS snapshot is not encrypted",
        Description = "The DB snapshot or cluster snapshot is not encrypted, so anyone it is shared with or who gains access to it can read the database contents.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBSnapshot", "AWS::RDS::DBClusterSnapshot"],
        Risk = RiskKind.DataProtection,
        Remediation = "Create an encrypted copy (aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <new> --kms-key-id <key>), delete the unencrypted one, and encrypt the source database so future snapshots are encrypted.",
        Mappings = new()
        {
            ConfigRules = [new("RDS_SNAPSHOT_ENCRYPTED", "rds-snapshot-encrypted", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_snapshots_encrypted"],
            SecurityHubControls = ["RDS.4"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
