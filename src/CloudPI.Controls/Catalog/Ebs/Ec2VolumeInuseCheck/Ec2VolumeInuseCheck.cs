using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ebs;

/// <summary>EBS volumes should be attached to an instance (and, optionally, marked for deletion on termination).</summary>
public static class Ec2VolumeInuseCheck
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-volume-inuse-check",
        Title = "EBS volume is not attached to any instance",
        Description = "The EBS volume is not attached to any instance; orphaned volumes keep old data, cost money and are easily forgotten when data is cleaned up.",
        Severity = ControlSeverity.Low,
        Service = "EBS",
        ResourceTypes = ["AWS::EC2::Volume"],
        Risk = RiskKind.Hygiene,
        Remediation = "Snapshot the volume if its data must be kept, then delete it (aws ec2 delete-volume --volume-id <vol>); set DeleteOnTermination on block device mappings so volumes go with their instances.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("EC2_VOLUME_INUSE_CHECK", "ec2-volume-inuse-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("deleteOnTermination", "boolean", true),
                    ],
                },
            ],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
