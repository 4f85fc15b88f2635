using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Vpc;

/// <summary>Every VPC should publish flow logs.</summary>
public static class VpcFlowLogsEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "vpc-flow-logs-enabled",
        Title = "VPC flow logs are not enabled",
        Description = "The VPC has no flow log, so accepted and rejected connections are not recorded and scanning, lateral movement or exfiltration through it cannot be investigated.",
        Severity = ControlSeverity.Medium,
        Service = "VPC",
        ResourceTypes = ["AWS::EC2::VPC"],
        Risk = RiskKind.Visibility,
        Remediation = "Create a VPC flow log capturing at least REJECT (preferably ALL) traffic to CloudWatch Logs or S3 (aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc> --traffic-type ALL --log-destination-type s3 --log-destination <bucket-arn>).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("VPC_FLOW_LOGS_ENABLED", "vpc-flow-logs-enabled", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("trafficType", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["vpc_flow_logs_enabled"],
            ProwlerLegacyChecks = ["check29"],
            CheckovIds = ["CKV2_AWS_11"],
            SecurityHubControls = ["EC2.6"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
