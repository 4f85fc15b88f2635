using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Vpc;

/// <summary>Subnets should not assign public IPv4 addresses to instances automatically.</summary>
public static class SubnetAutoAssignPublicIpDisabled
{
    public static Control Control { get; } = new()
    {
        Id = "subnet-auto-assign-public-ip-disabled",
        Title = "Subnet assigns public IP addresses automatically",
        Description = "The subnet has MapPublicIpOnLaunch enabled, so every instance launched into it gets a public IPv4 address and becomes internet-reachable unless its security groups say otherwise.",
        Severity = ControlSeverity.Medium,
        Service = "VPC",
        ResourceTypes = ["AWS::EC2::Subnet"],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Turn off auto-assignment (aws ec2 modify-subnet-attribute --subnet-id <subnet> --no-map-public-ip-on-launch; Terraform map_public_ip_on_launch = false) and assign public addresses explicitly only where needed.",
        Mappings = new()
        {
            ConfigRules = [new("SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", "subnet-auto-assign-public-ip-disabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["vpc_subnet_no_public_ip_by_default"],
            CheckovIds = ["CKV_AWS_130"],
            SecurityHubControls = ["EC2.15"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
