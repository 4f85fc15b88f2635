using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>Instances should run inside a VPC (or a specific approved VPC).</summary>
public static class Ec2InstancesInVpc
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-instances-in-vpc",
        Title = "EC2 instance is not in the required VPC",
        Description = "The instance does not run in a VPC, or not in the VPC the rule requires, so it escapes the subnet, routing and network ACL isolation the approved network provides.",
        Severity = ControlSeverity.Medium,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance"],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Relaunch the workload into a subnet of the approved VPC (create an AMI, launch it with --subnet-id <subnet> and the right security groups), move traffic over, then terminate the old instance.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("INSTANCES_IN_VPC", "ec2-instances-in-vpc", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("vpcId", "String", true),
                    ],
                },
            ],
            // Prowler mapping unconfirmed in the Config catalogue (ec2_instances_in_vpc is a recent check).
            ProwlerChecks = ["ec2_instances_in_vpc"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
