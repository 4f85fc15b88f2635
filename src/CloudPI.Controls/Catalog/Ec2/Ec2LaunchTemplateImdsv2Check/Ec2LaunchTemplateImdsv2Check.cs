using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>Launch templates must require IMDSv2 so the instances they start do.</summary>
public static class Ec2LaunchTemplateImdsv2Check
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-launch-template-imdsv2-check",
        Title = "EC2 launch template does not require IMDSv2",
        Description = "The launch template's metadata options leave HttpTokens optional, so every instance started from it accepts IMDSv1 and exposes its role credentials to SSRF.",
        Severity = ControlSeverity.Low,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::LaunchTemplate"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Create a new launch template version with MetadataOptions HttpTokens=required and HttpEndpoint=enabled (Terraform metadata_options { http_tokens = \"required\" }), make it the default version, and roll the Auto Scaling groups that use it.",
        Mappings = new()
        {
            ConfigRules = [new("EC2_LAUNCH_TEMPLATE_IMDSV2_CHECK", "ec2-launch-template-imdsv2-check", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ec2_launch_template_imdsv2_required"],
            // Related Checkov check: CKV_AWS_79 (mapped to ec2-imdsv2-check; it also covers aws_launch_template).
            SecurityHubControls = ["EC2.170"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
