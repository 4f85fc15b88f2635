using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Vpc;

/// <summary>Network ACLs that are not associated with any subnet should be removed.</summary>
public static class VpcNetworkAclUnusedCheck
{
    public static Control Control { get; } = new()
    {
        Id = "vpc-network-acl-unused-check",
        Title = "Network ACL is not associated with any subnet",
        Description = "The network ACL is not associated with any subnet; stale ACLs clutter reviews and can be associated later with rules nobody has checked.",
        Severity = ControlSeverity.Low,
        Service = "VPC",
        ResourceTypes = ["AWS::EC2::NetworkAcl"],
        Risk = RiskKind.Hygiene,
        Remediation = "Delete the unused network ACL (aws ec2 delete-network-acl --network-acl-id <acl>), or associate it with the subnets it was meant for.",
        Mappings = new()
        {
            ConfigRules = [new("VPC_NETWORK_ACL_UNUSED_CHECK", "vpc-network-acl-unused-check", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_networkacl_unused"],
            CheckovIds = ["CKV2_AWS_1"],
            SecurityHubControls = ["EC2.16"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
