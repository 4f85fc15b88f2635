using System.Runtime.CompilerServices;
using CloudPI.Controls.Network;

namespace CloudPI.Controls.Catalog.SecurityGroup;

/// <summary>SSH (tcp/22) must not be open to the whole internet.</summary>
public static class RestrictedSsh
{
    public static Control Control { get; } = new()
    {
        Id = "restricted-ssh",
        Title = "Security group allows SSH from the internet",
        Description = "An inbound security group rule admits tcp/22 from 0.0.0.0/0 or ::/0 (directly, through an all-traffic rule, or a port range that covers 22).",
        Severity = ControlSeverity.High,
        Service = "Security group",
        ResourceTypes = ["AWS::EC2::SecurityGroup"],
        Exposures = [NetworkExposure.Tcp(22)],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Remove the 0.0.0.0/0 and ::/0 sources from inbound rules covering tcp/22; reach instances through SSM Session Manager, a bastion with an allow-list, or a VPN.",
        MandatoryWhenRecommended = true,
        Mappings = new()
        {
            ConfigRules = [new("INCOMING_SSH_DISABLED", "restricted-ssh", ConfigRuleTrigger.ConfigurationChange | ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22"],
            ProwlerLegacyChecks = ["check41"],
            // Related Checkov check: CKV_AWS_277 (mapped to vpc-sg-open-only-to-authorized-ports: it flags all-port rules, not SSH).
            CheckovIds = ["CKV_AWS_24"],
            SecurityHubControls = ["EC2.13"],
        },
    };

    /// <summary>The traffic the control is about.</summary>
    public static TrafficQuery Traffic { get; } = TrafficQuery.Tcp(22);

    /// <summary>The one answer every evaluator gives: do these inbound rules, together, admit the internet on tcp/22?</summary>
    public static bool AdmitsInternet(IEnumerable<InboundRule> rules) => InternetIngress.AdmitsInternet(rules, Traffic);

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
