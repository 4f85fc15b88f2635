using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Eks;

/// <summary>
/// EKS clusters should send control-plane logs to CloudWatch Logs. Covers both managed-rule variants: the change-
/// triggered EKS_CLUSTER_LOG_ENABLED (with logTypes) and the periodic EKS_CLUSTER_LOGGING_ENABLED.
/// </summary>
public static class EksClusterLogEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "eks-cluster-log-enabled",
        Title = "EKS control-plane logging is not enabled",
        Description = "The cluster does not export the required control-plane log types (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs, so API calls and authentication to the cluster cannot be audited.",
        Severity = ControlSeverity.Medium,
        Service = "EKS",
        ResourceTypes = ["AWS::EKS::Cluster"],
        Risk = RiskKind.Visibility,
        Remediation = "Enable the log types (aws eks update-cluster-config --name <cluster> --logging '{\"clusterLogging\":[{\"types\":[\"api\",\"audit\",\"authenticator\",\"controllerManager\",\"scheduler\"],\"enabled\":true}]}'; Terraform enabled_cluster_log_types).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("EKS_CLUSTER_LOG_ENABLED", "eks-cluster-log-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("logTypes", "CSV", true),
                    ],
                },
                new("EKS_CLUSTER_LOGGING_ENABLED", "eks-cluster-logging-enabled", ConfigRuleTrigger.Periodic),
            ],
            ProwlerChecks = ["eks_control_plane_logging_all_types_enabled"],
            ProwlerLegacyChecks = ["extra794"],
            CheckovIds = ["CKV_AWS_37"],
            SecurityHubControls = ["EKS.8"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
