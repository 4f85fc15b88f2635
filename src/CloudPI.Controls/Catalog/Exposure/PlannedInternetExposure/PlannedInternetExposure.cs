using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>
/// Decided before deployment: the reachability analysis run on the live Cartography graph and on that graph with a
/// Pulumi preview applied; a failure is an internet path the change opens. No AWS Config rule checks this.
/// </summary>
public static class PlannedInternetExposure
{
    public static Control Control { get; } = new()
    {
        Id = "planned-exposure",
        Title = "The change opens a new path from the internet",
        Description = "After this deployment the internet could reach a resource on a port it cannot reach today: the preview, applied to the live account graph, adds a path through routes, NACLs, security groups or a load balancer.",
        Severity = ControlSeverity.High,
        Service = "Exposure",
        ResourceTypes = ["AWS::EC2::Instance", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::RDS::DBInstance"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Keep the resource private: drop the internet-open rule or route, keep the instance in a private subnet or without a public address, or make the load balancer internal; if the exposure is intended, accept it in the policy config (planned-exposure: advisory).",
        MandatoryWhenRecommended = true,
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
