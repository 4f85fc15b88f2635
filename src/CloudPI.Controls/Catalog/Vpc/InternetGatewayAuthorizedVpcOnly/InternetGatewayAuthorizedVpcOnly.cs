using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Vpc;

/// <summary>Internet gateways may be attached only to authorized VPCs.</summary>
public static class InternetGatewayAuthorizedVpcOnly
{
    public static Control Control { get; } = new()
    {
        Id = "internet-gateway-authorized-vpc-only",
        Title = "Internet gateway is attached to an unauthorized VPC",
        Description = "An internet gateway is attached to a VPC that is not on the authorized list, giving that VPC's subnets a route to and from the internet outside the approved network design.",
        Severity = ControlSeverity.High,
        Service = "VPC",
        ResourceTypes = ["AWS::EC2::InternetGateway"],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Detach the internet gateway from the unauthorized VPC (aws ec2 detach-internet-gateway --internet-gateway-id <igw> --vpc-id <vpc>) and route its egress through the approved inspection VPC or NAT; restrict ec2:AttachInternetGateway with an SCP.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("INTERNET_GATEWAY_AUTHORIZED_VPC_ONLY", "internet-gateway-authorized-vpc-only", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("AuthorizedVpcIds", "CSV", true),
                    ],
                },
            ],
            // Prowler mapping unconfirmed in the Config catalogue.
            ProwlerChecks = ["ec2_internet_gateway_authorized_vpc_only"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
