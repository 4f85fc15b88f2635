using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters must match the expected configuration: database encryption, audit logging and allowed node types.</summary>
public static class RedshiftClusterConfigurationCheck
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-cluster-configuration-check",
        Title = "Redshift cluster configuration does not meet the baseline",
        Description = "The cluster differs from the required configuration: database encryption off, audit logging off, or a node type outside the allowed list.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        Risk = RiskKind.DataProtection,
        Remediation = "Enable encryption (aws redshift modify-cluster --encrypted), enable audit logging (aws redshift enable-logging --log-destination-type cloudwatch), and resize to an allowed node type where needed.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("REDSHIFT_CLUSTER_CONFIGURATION_CHECK", "redshift-cluster-configuration-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("loggingEnabled", "boolean", false, "true"),
                        new("clusterDbEncrypted", "boolean", false, "true"),
                        new("nodeTypes", "CSV", true, "dc1.large"),
                    ],
                },
            ],
            // Related Prowler checks: redshift_cluster_audit_logging (mapped to redshift-audit-logging-enabled),
            // redshift_cluster_encrypted_at_rest (mapped to redshift-cluster-kms-enabled).
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
