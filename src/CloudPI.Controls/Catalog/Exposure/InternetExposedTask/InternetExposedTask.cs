using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>Decided on the Cartography graph by the reachability engine; no AWS Config rule checks this.</summary>
public static class InternetExposedTask
{
    public static Control Control { get; } = new()
    {
        Id = "internet-exposed-task",
        Title = "ECS task is reachable from the internet",
        Description = "An ECS task's network interface or its load balancer admits traffic from the whole internet.",
        Severity = ControlSeverity.High,
        Service = "Exposure",
        ResourceTypes = ["AWS::ECS::Service", "AWS::ECS::TaskDefinition"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Run tasks in private subnets without public IPs and expose them only through a load balancer that admits the service port.",
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
