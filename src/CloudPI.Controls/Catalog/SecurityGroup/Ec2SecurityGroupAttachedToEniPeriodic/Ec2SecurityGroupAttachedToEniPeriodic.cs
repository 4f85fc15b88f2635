using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.SecurityGroup;

/// <summary>Security groups should be attached to at least one network interface; unused groups should be deleted.</summary>
public static class Ec2SecurityGroupAttachedToEniPeriodic
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-security-group-attached-to-eni-periodic",
        Title = "Security group is not attached to any network interface",
        Description = "The security group is not attached to any network interface; unused groups accumulate stale, often permissive rules that are later attached without review.",
        Severity = ControlSeverity.Low,
        Service = "Security group",
        ResourceTypes = ["AWS::EC2::SecurityGroup"],
        Risk = RiskKind.Hygiene,
        Remediation = "Confirm nothing references the group (other groups' rules, launch templates, Lambda or endpoint configurations), then delete it (aws ec2 delete-security-group --group-id <sg>).",
        Mappings = new()
        {
            ConfigRules = [new("EC2_SECURITY_GROUP_ATTACHED_TO_ENI_PERIODIC", "ec2-security-group-attached-to-eni-periodic", ConfigRuleTrigger.Periodic)],
            // Prowler mapping unconfirmed in the Config catalogue: ec2_securitygroup_not_used also counts Lambda and group references.
            ProwlerChecks = ["ec2_securitygroup_not_used"],
            ProwlerLegacyChecks = ["extra75"],
            CheckovIds = ["CKV2_AWS_5"],
            SecurityHubControls = ["EC2.22"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
