using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances should have deletion protection enabled.</summary>
public static class RdsInstanceDeletionProtectionEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "rds-instance-deletion-protection-enabled",
        Title = "RDS DB instance does not have deletion protection",
        Description = "Deletion protection is off for the DB instance, so a mistaken or malicious delete call removes the database without any safeguard.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.Availability,
        Remediation = "Enable it (aws rds modify-db-instance --db-instance-identifier <db> --deletion-protection --apply-immediately; Terraform deletion_protection = true); Aurora instances take the setting from their cluster.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("RDS_INSTANCE_DELETION_PROTECTION_ENABLED", "rds-instance-deletion-protection-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("databaseEngines", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["rds_instance_deletion_protection"],
            ProwlerLegacyChecks = ["extra7113"],
            // Related Checkov check: CKV_AWS_139 (mapped to rds-cluster-deletion-protection-enabled).
            CheckovIds = ["CKV_AWS_293"],
            SecurityHubControls = ["RDS.8"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
