using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.SecurityGroup;

/// <summary>Security groups must not open the restricted ports (AWS's defaults: tcp/22 and tcp/3389) to 0.0.0.0/0 or ::/0.</summary>
public static class VpcSgPortRestrictionCheck
{
    public static Control Control { get; } = new()
    {
        Id = "vpc-sg-port-restriction-check",
        Title = "Security group opens restricted ports to the internet",
        Description = "An inbound rule admits one of the restricted ports (SSH 22 and RDP 3389 unless the rule lists others) from 0.0.0.0/0 or ::/0, putting remote-administration services in reach of any internet host.",
        Severity = ControlSeverity.High,
        Service = "Security group",
        ResourceTypes = ["AWS::EC2::SecurityGroup"],
        // AWS's defaults when restrictPorts is not set.
        Exposures = [NetworkExposure.Tcp(22), NetworkExposure.Tcp(3389)],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Replace the open inbound rules on the restricted ports with specific source CIDRs or security groups (or remove them), and use Session Manager, a bastion or a VPN for administration.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("VPC_SG_PORT_RESTRICTION_CHECK", "vpc-sg-port-restriction-check", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("restrictPorts", "CSV", true),
                        new("protocolType", "String", true),
                        new("excludeExternalSecurityGroups", "boolean", true),
                        new("ipType", "String", true),
                    ],
                },
            ],
            // Related Prowler checks: ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22 (mapped to restricted-ssh),
            // ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389 (mapped to restricted-common-ports).
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
