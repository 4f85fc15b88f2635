using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.SecurityGroup;

/// <summary>
/// Commonly attacked ports must not be open to the internet; the managed rule's default blocked ports are tcp 20, 21,
/// 3389, 3306 and 4333.
/// </summary>
public static class RestrictedCommonPorts
{
    public static Control Control { get; } = new()
    {
        Id = "restricted-common-ports",
        Title = "Security group opens high-risk ports to the internet",
        Description = "An inbound rule admits one of the blocked ports (by default FTP 20/21, RDP 3389, MySQL 3306, mSQL 4333) from 0.0.0.0/0 or ::/0, exposing remote-administration and database services to internet-wide scanning and brute force.",
        Severity = ControlSeverity.High,
        Service = "Security group",
        ResourceTypes = ["AWS::EC2::SecurityGroup"],
        // The managed rule's default blockedPort1..5; deployments that override them evaluate other ports.
        Exposures = [NetworkExposure.Tcp(20), NetworkExposure.Tcp(21), NetworkExposure.Tcp(3389), NetworkExposure.Tcp(3306), NetworkExposure.Tcp(4333)],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Delete or narrow the inbound rules with a 0.0.0.0/0 or ::/0 source on these ports (aws ec2 revoke-security-group-ingress --group-id <sg> --protocol tcp --port <port> --cidr 0.0.0.0/0); reach the services through a VPN, Session Manager port forwarding or an allow-listed source.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("RESTRICTED_INCOMING_TRAFFIC", "restricted-common-ports", ConfigRuleTrigger.ConfigurationChange | ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("blockedPort1", "int", true, "20"),
                        new("blockedPort2", "int", true, "21"),
                        new("blockedPort3", "int", true, "3389"),
                        new("blockedPort4", "int", true, "3306"),
                        new("blockedPort5", "int", true, "4333"),
                        new("blockedPorts", "CSV", true),
                    ],
                },
            ],
            // Prowler's RDP check covers only 3389 of the blocked ports (partial mapping); Security Hub EC2.14 (RDP) is built on this rule.
            ProwlerChecks = ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389"],
            ProwlerLegacyChecks = ["check42"],
            CheckovIds = ["CKV_AWS_25"],
            SecurityHubControls = ["EC2.14"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
