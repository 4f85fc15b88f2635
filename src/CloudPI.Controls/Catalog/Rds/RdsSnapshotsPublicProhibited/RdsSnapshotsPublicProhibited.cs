using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB and cluster snapshots must not be shared publicly.</summary>
public static class RdsSnapshotsPublicProhibited
{
    public static Control Control { get; } = new()
    {
        Id = "rds-snapshots-public-prohibited",
        Title = "RDS snapshot is publicly shared",
        Description = "The DB snapshot or cluster snapshot is shared with all AWS accounts, so anyone can restore a full copy of the database from it.",
        Severity = ControlSeverity.Critical,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBSnapshot", "AWS::RDS::DBClusterSnapshot"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Remove the public restore permission (aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snap> --attribute-name restore --values-to-remove all; modify-db-cluster-snapshot-attribute for cluster snapshots) and share only with named accounts.",
        Mappings = new()
        {
            ConfigRules = [new("RDS_SNAPSHOTS_PUBLIC_PROHIBITED", "rds-snapshots-public-prohibited", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_snapshots_public_access"],
            ProwlerLegacyChecks = ["extra723"],
            SecurityHubControls = ["RDS.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
