using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances should export their engine logs.</summary>
public static class RdsLoggingEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "rds-logging-enabled",
        Title = "RDS DB instance does not export its logs",
        Description = "The DB instance does not publish the engine's logs (for example audit, error, general or postgresql logs) to CloudWatch Logs, so logins and queries cannot be monitored or investigated.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.Visibility,
        Remediation = "Enable log exports for the engine's log types (aws rds modify-db-instance --db-instance-identifier <db> --cloudwatch-logs-export-configuration EnableLogTypes=<types>; Terraform enabled_cloudwatch_logs_exports).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("RDS_LOGGING_ENABLED", "rds-logging-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("additionalLogs", "StringMap", true),
                    ],
                },
            ],
            ProwlerChecks = ["rds_instance_integration_cloudwatch_logs"],
            ProwlerLegacyChecks = ["extra747"],
            CheckovIds = ["CKV_AWS_129"],
            SecurityHubControls = ["RDS.9"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
