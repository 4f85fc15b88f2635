using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.SecurityGroup;

/// <summary>Security groups may open only authorized ports to 0.0.0.0/0 or ::/0.</summary>
public static class VpcSgOpenOnlyToAuthorizedPorts
{
    public static Control Control { get; } = new()
    {
        Id = "vpc-sg-open-only-to-authorized-ports",
        Title = "Security group opens unauthorized ports to the internet",
        Description = "An inbound rule with a 0.0.0.0/0 or ::/0 source admits a port that is not on the authorized list, so anything listening behind the group on that port is reachable from the internet.",
        Severity = ControlSeverity.High,
        Service = "Security group",
        ResourceTypes = ["AWS::EC2::SecurityGroup"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Limit internet-facing inbound rules to the authorized ports (usually tcp/80 and tcp/443 on load balancers); replace other 0.0.0.0/0 and ::/0 sources with specific CIDRs or security group references.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", "vpc-sg-open-only-to-authorized-ports", ConfigRuleTrigger.ConfigurationChange | ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("authorizedTcpPorts", "String", true),
                        new("authorizedUdpPorts", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["ec2_securitygroup_allow_ingress_from_internet_to_any_port"],
            ProwlerLegacyChecks = ["extra748"],
            CheckovIds = ["CKV_AWS_277"],
            SecurityHubControls = ["EC2.18"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
