using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>Instances must require IMDSv2 session tokens, so a server-side request forgery cannot read role credentials.</summary>
public static class Ec2Imdsv2Check
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-imdsv2-check",
        Title = "EC2 instance does not require IMDSv2",
        Description = "The instance metadata service accepts IMDSv1 requests (HttpTokens is optional), so any SSRF in software on the instance can read the instance role's temporary credentials.",
        Severity = ControlSeverity.High,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Set the instance metadata options to HttpTokens=required (aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled), and require IMDSv2 in launch templates and AMI defaults.",
        Mappings = new()
        {
            ConfigRules = [new("EC2_IMDSV2_CHECK", "ec2-imdsv2-check", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_instance_imdsv2_enabled"],
            ProwlerLegacyChecks = ["extra786"],
            CheckovIds = ["CKV_AWS_79"],
            SecurityHubControls = ["EC2.8"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
