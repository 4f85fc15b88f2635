using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Vpc;

/// <summary>Elastic IP addresses should be attached to an instance or network interface.</summary>
public static class EipAttached
{
    public static Control Control { get; } = new()
    {
        Id = "eip-attached",
        Title = "Elastic IP address is not attached",
        Description = "The Elastic IP address is allocated but not associated with any instance or network interface; it costs money and can be re-associated later with a resource nobody intended to expose.",
        Severity = ControlSeverity.Low,
        Service = "VPC",
        ResourceTypes = ["AWS::EC2::EIP"],
        Risk = RiskKind.Hygiene,
        Remediation = "Release the address if it is not needed (aws ec2 release-address --allocation-id <eipalloc>), or associate it with the intended instance or network interface.",
        Mappings = new()
        {
            ConfigRules = [new("EIP_ATTACHED", "eip-attached", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_elastic_ip_unassigned"],
            ProwlerLegacyChecks = ["extra7146"],
            CheckovIds = ["CKV2_AWS_19"],
            SecurityHubControls = ["EC2.12"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
