using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Vpc;

/// <summary>Network ACLs must not allow SSH (tcp/22) or RDP (tcp/3389) in from 0.0.0.0/0 or ::/0.</summary>
public static class NaclNoUnrestrictedSshRdp
{
    public static Control Control { get; } = new()
    {
        Id = "nacl-no-unrestricted-ssh-rdp",
        Title = "Network ACL allows SSH or RDP from the internet",
        Description = "An inbound network ACL entry allows tcp/22 or tcp/3389 from 0.0.0.0/0 or ::/0, so the subnet boundary does not stop internet traffic to remote-administration ports and only security groups remain in the way.",
        Severity = ControlSeverity.Medium,
        Service = "VPC",
        ResourceTypes = ["AWS::EC2::NetworkAcl"],
        Exposures = [NetworkExposure.Tcp(22), NetworkExposure.Tcp(3389)],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Replace the inbound allow entries covering ports 22 and 3389 from 0.0.0.0/0 or ::/0 with entries for trusted CIDRs only, or add lower-numbered deny entries for those ports (aws ec2 replace-network-acl-entry ...).",
        Mappings = new()
        {
            ConfigRules = [new("NACL_NO_UNRESTRICTED_SSH_RDP", "nacl-no-unrestricted-ssh-rdp", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_networkacl_allow_ingress_tcp_port_22", "ec2_networkacl_allow_ingress_tcp_port_3389"],
            ProwlerLegacyChecks = ["check45", "check46"],
            SecurityHubControls = ["EC2.21"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
