using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>
/// Instances should not carry a public IPv4 address; they should be reached through load balancers, NAT or private
/// connectivity.
/// </summary>
public static class Ec2InstanceNoPublicIp
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-instance-no-public-ip",
        Title = "EC2 instance has a public IPv4 address",
        Description = "The instance has a public IPv4 address, so every port its security groups and network ACLs allow is directly reachable from the internet.",
        Severity = ControlSeverity.Medium,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance"],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Launch instances in private subnets with AssociatePublicIpAddress=false (Terraform associate_public_ip_address = false), disassociate any Elastic IP, and publish services through a load balancer; administer through SSM Session Manager.",
        Mappings = new()
        {
            ConfigRules = [new("EC2_INSTANCE_NO_PUBLIC_IP", "ec2-instance-no-public-ip", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_instance_public_ip"],
            ProwlerLegacyChecks = ["extra710"],
            CheckovIds = ["CKV_AWS_88"],
            SecurityHubControls = ["EC2.9"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
