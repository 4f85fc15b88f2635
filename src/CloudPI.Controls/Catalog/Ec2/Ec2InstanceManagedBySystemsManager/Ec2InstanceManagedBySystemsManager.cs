using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>
/// Instances should be registered as Systems Manager managed nodes so they can be inventoried, patched and accessed
/// without SSH.
/// </summary>
public static class Ec2InstanceManagedBySystemsManager
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-instance-managed-by-systems-manager",
        Title = "EC2 instance is not managed by Systems Manager",
        Description = "The instance is not a Systems Manager managed node, so it drops out of central inventory, patching and Session Manager access, which tends to leave it unpatched and reached over SSH instead.",
        Severity = ControlSeverity.Medium,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance", "AWS::SSM::ManagedInstanceInventory"],
        Risk = RiskKind.Hygiene,
        Remediation = "Install or start the SSM Agent, attach an instance profile with the AmazonSSMManagedInstanceCore policy (or enable Default Host Management Configuration), and make sure the instance can reach the SSM endpoints (VPC endpoints or NAT).",
        Mappings = new()
        {
            ConfigRules = [new("EC2_INSTANCE_MANAGED_BY_SSM", "ec2-instance-managed-by-systems-manager", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_instance_managed_by_ssm"],
            ProwlerLegacyChecks = ["extra7124"],
            SecurityHubControls = ["SSM.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
