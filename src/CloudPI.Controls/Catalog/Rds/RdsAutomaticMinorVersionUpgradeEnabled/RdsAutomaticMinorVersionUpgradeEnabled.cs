using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances should receive minor engine upgrades automatically.</summary>
public static class RdsAutomaticMinorVersionUpgradeEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "rds-automatic-minor-version-upgrade-enabled",
        Title = "RDS DB instance does not upgrade minor versions automatically",
        Description = "Automatic minor version upgrade is off, so engine patches that fix security issues are not applied in the maintenance window.",
        Severity = ControlSeverity.Low,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.Hygiene,
        Remediation = "Enable it (aws rds modify-db-instance --db-instance-identifier <db> --auto-minor-version-upgrade --apply-immediately; Terraform auto_minor_version_upgrade = true).",
        Mappings = new()
        {
            ConfigRules = [new("RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED", "rds-automatic-minor-version-upgrade-enabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_instance_minor_version_upgrade_enabled"],
            ProwlerLegacyChecks = ["extra7131"],
            CheckovIds = ["CKV_AWS_226"],
            SecurityHubControls = ["RDS.13"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
