using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB clusters should have deletion protection enabled.</summary>
public static class RdsClusterDeletionProtectionEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "rds-cluster-deletion-protection-enabled",
        Title = "RDS DB cluster does not have deletion protection",
        Description = "Deletion protection is off for the DB cluster, so a single delete call removes the cluster and all its instances without any safeguard.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBCluster"],
        Risk = RiskKind.Availability,
        Remediation = "Enable it (aws rds modify-db-cluster --db-cluster-identifier <cluster> --deletion-protection --apply-immediately; Terraform deletion_protection = true on aws_rds_cluster).",
        Mappings = new()
        {
            ConfigRules = [new("RDS_CLUSTER_DELETION_PROTECTION_ENABLED", "rds-cluster-deletion-protection-enabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_cluster_deletion_protection"],
            CheckovIds = ["CKV_AWS_139"],
            SecurityHubControls = ["RDS.7"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
