using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Eks;

/// <summary>The EKS Kubernetes API endpoint should not be publicly accessible.</summary>
public static class EksEndpointNoPublicAccess
{
    public static Control Control { get; } = new()
    {
        Id = "eks-endpoint-no-public-access",
        Title = "EKS cluster API endpoint is publicly accessible",
        Description = "The cluster's Kubernetes API server endpoint has public access enabled, so the API (tcp/443) is reachable from the internet and exposed to credential attacks and API vulnerabilities.",
        Severity = ControlSeverity.High,
        Service = "EKS",
        ResourceTypes = ["AWS::EKS::Cluster"],
        // The EKS API server always listens on tcp/443.
        Exposures = [NetworkExposure.Tcp(443)],
        Risk = RiskKind.PublicAccess,
        Remediation = "Enable private endpoint access and disable public access (aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false), or at least restrict publicAccessCidrs to known ranges.",
        Mappings = new()
        {
            ConfigRules = [new("EKS_ENDPOINT_NO_PUBLIC_ACCESS", "eks-endpoint-no-public-access", ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["eks_cluster_not_publicly_accessible", "eks_endpoints_not_publicly_accessible", "eks_control_plane_endpoint_access_restricted"],
            ProwlerLegacyChecks = ["extra795", "extra796"],
            CheckovIds = ["CKV_AWS_39", "CKV_AWS_38"],
            SecurityHubControls = ["EKS.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
