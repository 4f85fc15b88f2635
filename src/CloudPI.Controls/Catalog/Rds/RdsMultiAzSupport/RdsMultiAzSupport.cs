using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances should be deployed in multiple Availability Zones.</summary>
public static class RdsMultiAzSupport
{
    public static Control Control { get; } = new()
    {
        Id = "rds-multi-az-support",
        Title = "RDS DB instance is not Multi-AZ",
        Description = "The DB instance runs without a standby in another Availability Zone, so an instance or zone failure causes downtime until a restore completes.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.Availability,
        Remediation = "Convert the instance to a Multi-AZ deployment (aws rds modify-db-instance --db-instance-identifier <db> --multi-az --apply-immediately; Terraform multi_az = true).",
        Mappings = new()
        {
            ConfigRules = [new("RDS_MULTI_AZ_SUPPORT", "rds-multi-az-support", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_instance_multi_az"],
            ProwlerLegacyChecks = ["extra7133"],
            CheckovIds = ["CKV_AWS_157"],
            SecurityHubControls = ["RDS.5"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
