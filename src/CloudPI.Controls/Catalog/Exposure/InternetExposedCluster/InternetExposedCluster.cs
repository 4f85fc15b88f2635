using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>Decided on the Cartography graph by the reachability engine; no AWS Config rule checks this.</summary>
public static class InternetExposedCluster
{
    public static Control Control { get; } = new()
    {
        Id = "internet-exposed-cluster",
        Title = "Kubernetes API endpoint is reachable from the internet",
        Description = "The EKS cluster's API server endpoint is public, reachable from the internet unless restricted to specific CIDRs.",
        Severity = ControlSeverity.High,
        Service = "Exposure",
        ResourceTypes = ["AWS::EKS::Cluster"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Disable the public endpoint (endpointPublicAccess=false) or restrict publicAccessCidrs to your networks; use the private endpoint from inside the VPC.",
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
