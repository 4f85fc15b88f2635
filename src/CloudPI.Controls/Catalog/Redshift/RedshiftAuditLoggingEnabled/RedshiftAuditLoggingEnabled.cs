using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters should have database audit logging enabled.</summary>
public static class RedshiftAuditLoggingEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-audit-logging-enabled",
        Title = "Redshift cluster audit logging is disabled",
        Description = "Database audit logging is off, so connection, user and user-activity events are not recorded and unauthorized logins or queries leave no trace.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        Risk = RiskKind.Visibility,
        Remediation = "Enable audit logging to S3 or CloudWatch (aws redshift enable-logging --cluster-identifier <cluster> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog) and set enable_user_activity_logging in the parameter group.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("REDSHIFT_AUDIT_LOGGING_ENABLED", "redshift-audit-logging-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("bucketNames", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["redshift_cluster_audit_logging"],
            ProwlerLegacyChecks = ["extra721"],
            CheckovIds = ["CKV_AWS_71"],
            SecurityHubControls = ["Redshift.4"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
