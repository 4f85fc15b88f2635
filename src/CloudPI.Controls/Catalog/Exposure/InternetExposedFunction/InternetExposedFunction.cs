using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>Decided on the Cartography graph by the reachability engine; no AWS Config rule checks this.</summary>
public static class InternetExposedFunction
{
    public static Control Control { get; } = new()
    {
        Id = "internet-exposed-function",
        Title = "Lambda function is reachable from the internet",
        Description = "The function can be invoked from the internet through an internet-facing load balancer.",
        Severity = ControlSeverity.Medium,
        Service = "Exposure",
        ResourceTypes = ["AWS::Lambda::Function"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Put authentication in front of the function (ALB OIDC/Cognito), or expose it only through an internal balancer or API Gateway with authorisation.",
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
