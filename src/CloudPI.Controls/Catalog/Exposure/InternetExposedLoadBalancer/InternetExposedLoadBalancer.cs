using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>Decided on the Cartography graph by the reachability engine; no AWS Config rule checks this.</summary>
public static class InternetExposedLoadBalancer
{
    public static Control Control { get; } = new()
    {
        Id = "internet-exposed-load-balancer",
        Title = "Load balancer is reachable from the internet",
        Description = "An internet-facing load balancer accepts traffic from the whole internet on a listener port.",
        Severity = ControlSeverity.Medium,
        Service = "Exposure",
        ResourceTypes = ["AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Make the balancer internal if it serves no public clients, or restrict its security group to the clients that need it; add AWS WAF for HTTP listeners.",
        Mappings = new()
        {
            ProwlerChecks = ["elbv2_internet_facing", "elb_internet_facing"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
