using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters should allow version upgrades and keep the required maintenance window and snapshot retention.</summary>
public static class RedshiftClusterMaintenancesettingsCheck
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-cluster-maintenancesettings-check",
        Title = "Redshift cluster maintenance settings do not allow upgrades",
        Description = "The cluster does not allow automatic version upgrades, or its maintenance window or snapshot retention differs from the required values, so engine security fixes are not applied.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        Risk = RiskKind.Hygiene,
        Remediation = "Allow version upgrades and set the window and retention (aws redshift modify-cluster --cluster-identifier <cluster> --allow-version-upgrade --preferred-maintenance-window <window> --automated-snapshot-retention-period <days>).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("REDSHIFT_CLUSTER_MAINTENANCESETTINGS_CHECK", "redshift-cluster-maintenancesettings-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("allowVersionUpgrade", "boolean", false, "true"),
                        new("preferredMaintenanceWindow", "String", true),
                        new("automatedSnapshotRetentionPeriod", "int", true, "1"),
                    ],
                },
            ],
            ProwlerChecks = ["redshift_cluster_automatic_upgrades"],
            ProwlerLegacyChecks = ["extra7160"],
            CheckovIds = ["CKV_AWS_141"],
            SecurityHubControls = ["Redshift.6"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
