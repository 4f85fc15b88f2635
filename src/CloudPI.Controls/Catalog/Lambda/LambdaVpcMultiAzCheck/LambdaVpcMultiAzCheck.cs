using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Lambda;

/// <summary>VPC-connected Lambda functions should use subnets in more than one Availability Zone.</summary>
public static class LambdaVpcMultiAzCheck
{
    public static Control Control { get; } = new()
    {
        Id = "lambda-vpc-multi-az-check",
        Title = "Lambda function's VPC subnets span a single Availability Zone",
        Description = "The VPC-connected function uses subnets in fewer Availability Zones than required (two by default), so an outage of that zone stops the function.",
        Severity = ControlSeverity.Medium,
        Service = "Lambda",
        ResourceTypes = ["AWS::Lambda::Function"],
        Risk = RiskKind.Availability,
        Remediation = "Add subnets from at least two Availability Zones to the function's VPC configuration (aws lambda update-function-configuration --vpc-config SubnetIds=<az-a>,<az-b>,SecurityGroupIds=<sg>).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("LAMBDA_VPC_MULTI_AZ_CHECK", "lambda-vpc-multi-az-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("availabilityZones", "int", true),
                    ],
                },
            ],
            ProwlerChecks = ["awslambda_function_vpc_multi_az"],
            SecurityHubControls = ["Lambda.5"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
