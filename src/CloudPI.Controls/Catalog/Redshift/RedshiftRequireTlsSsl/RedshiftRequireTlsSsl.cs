using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters must require TLS for client connections.</summary>
public static class RedshiftRequireTlsSsl
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-require-tls-ssl",
        Title = "Redshift cluster does not require TLS",
        Description = "The cluster's parameter group leaves require_ssl off, so clients can connect without TLS and credentials, queries and results can cross the network in plain text.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster", "AWS::Redshift::ClusterParameterGroup"],
        Risk = RiskKind.DataProtection,
        Remediation = "Set require_ssl=true in the cluster's parameter group (aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=require_ssl,ParameterValue=true) and reboot the cluster.",
        Mappings = new()
        {
            ConfigRules = [new("REDSHIFT_REQUIRE_TLS_SSL", "redshift-require-tls-ssl", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["redshift_cluster_in_transit_encryption_enabled"],
            CheckovIds = ["CKV_AWS_105"],
            SecurityHubControls = ["Redshift.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
