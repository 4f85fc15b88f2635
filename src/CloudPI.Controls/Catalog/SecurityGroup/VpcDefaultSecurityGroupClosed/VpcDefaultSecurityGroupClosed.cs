using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.SecurityGroup;

/// <summary>Each VPC's default security group must have no inbound or outbound rules.</summary>
public static class VpcDefaultSecurityGroupClosed
{
    public static Control Control { get; } = new()
    {
        Id = "vpc-default-security-group-closed",
        Title = "Default security group allows traffic",
        Description = "The VPC's default security group still has inbound or outbound rules; any resource launched without an explicit group lands in it and can talk to every other member and to the internet.",
        Severity = ControlSeverity.High,
        Service = "Security group",
        ResourceTypes = ["AWS::EC2::SecurityGroup"],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Remove all inbound and outbound rules from the default security group (Terraform aws_default_security_group with empty ingress and egress), after moving its members to purpose-built groups.",
        Mappings = new()
        {
            ConfigRules = [new("VPC_DEFAULT_SECURITY_GROUP_CLOSED", "vpc-default-security-group-closed", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_securitygroup_default_restrict_traffic"],
            ProwlerLegacyChecks = ["check43"],
            CheckovIds = ["CKV2_AWS_12"],
            SecurityHubControls = ["EC2.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
