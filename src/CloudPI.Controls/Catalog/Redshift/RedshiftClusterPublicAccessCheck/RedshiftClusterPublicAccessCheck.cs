using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters must not be publicly accessible.</summary>
public static class RedshiftClusterPublicAccessCheck
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-cluster-public-access-check",
        Title = "Redshift cluster is publicly accessible",
        Description = "The cluster has PubliclyAccessible set, so its endpoint has a public address and the database port can be reached from the internet wherever security groups allow it.",
        Severity = ControlSeverity.Critical,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        // Exposures stay empty: the cluster's port is configurable, so the analysis takes it from the resource
        // (Endpoint.Port / endpoint_port) instead of the catalog.
        Risk = RiskKind.PublicAccess,
        Remediation = "Turn public access off (aws redshift modify-cluster --cluster-identifier <cluster> --no-publicly-accessible; Terraform publicly_accessible = false) and keep the cluster in private subnets.",
        Mappings = new()
        {
            ConfigRules = [new("REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK", "redshift-cluster-public-access-check", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["redshift_cluster_public_access"],
            ProwlerLegacyChecks = ["extra711"],
            CheckovIds = ["CKV_AWS_87"],
            SecurityHubControls = ["Redshift.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
