using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>Instances should obtain AWS credentials from an IAM instance profile, not from long-lived keys stored on the host.</summary>
public static class Ec2InstanceProfileAttached
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-instance-profile-attached",
        Title = "EC2 instance has no IAM instance profile",
        Description = "No IAM instance profile is attached to the instance, so software on it that calls AWS has to use long-lived access keys stored on disk, which can be stolen and reused from anywhere.",
        Severity = ControlSeverity.Medium,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Create a least-privilege IAM role with an instance profile and attach it (aws ec2 associate-iam-instance-profile --instance-id <id> --iam-instance-profile Name=<profile>); then remove any access keys from the host and rotate them.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("EC2_INSTANCE_PROFILE_ATTACHED", "ec2-instance-profile-attached", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("IamInstanceProfileArnList", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["ec2_instance_profile_attached"],
            ProwlerLegacyChecks = ["check119"],
            CheckovIds = ["CKV2_AWS_41"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
