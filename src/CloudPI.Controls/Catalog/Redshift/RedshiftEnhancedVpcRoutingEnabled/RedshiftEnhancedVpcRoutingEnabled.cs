using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters should use enhanced VPC routing.</summary>
public static class RedshiftEnhancedVpcRoutingEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-enhanced-vpc-routing-enabled",
        Title = "Redshift cluster does not use enhanced VPC routing",
        Description = "Enhanced VPC routing is off, so COPY and UNLOAD traffic bypasses the VPC and escapes its endpoint policies, security groups and flow logs.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        Risk = RiskKind.DataProtection,
        Remediation = "Enable it (aws redshift modify-cluster --cluster-identifier <cluster> --enhanced-vpc-routing; Terraform enhanced_vpc_routing = true) and provide S3 access through a gateway endpoint or NAT.",
        Mappings = new()
        {
            ConfigRules = [new("REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED", "redshift-enhanced-vpc-routing-enabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["redshift_cluster_enhanced_vpc_routing"],
            SecurityHubControls = ["Redshift.7"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
