using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Lambda;

/// <summary>Lambda functions should be attached to a VPC (optionally to specific subnets).</summary>
public static class LambdaInsideVpc
{
    public static Control Control { get; } = new()
    {
        Id = "lambda-inside-vpc",
        Title = "Lambda function is not attached to a VPC",
        Description = "The function is not connected to a VPC (or not to the required subnets), so its network traffic bypasses VPC security groups, endpoint policies and flow logs.",
        Severity = ControlSeverity.Low,
        Service = "Lambda",
        ResourceTypes = ["AWS::Lambda::Function"],
        Risk = RiskKind.Hygiene,
        Remediation = "Attach the function to private subnets and a security group (aws lambda update-function-configuration --function-name <fn> --vpc-config SubnetIds=<a>,<b>,SecurityGroupIds=<sg>) and give it egress through VPC endpoints or NAT.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("LAMBDA_INSIDE_VPC", "lambda-inside-vpc", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("subnetIds", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["awslambda_function_inside_vpc"],
            CheckovIds = ["CKV_AWS_117"],
            SecurityHubControls = ["Lambda.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
