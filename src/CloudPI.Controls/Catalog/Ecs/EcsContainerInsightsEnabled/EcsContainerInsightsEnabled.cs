using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>ECS clusters should have CloudWatch Container Insights enabled.</summary>
public static class EcsContainerInsightsEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-container-insights-enabled",
        Title = "ECS cluster does not have Container Insights enabled",
        Description = "Container Insights is off for the cluster, so per-task CPU, memory, network and restart metrics are not collected and abuse such as cryptomining or restart loops goes unnoticed.",
        Severity = ControlSeverity.Medium,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::Cluster"],
        Risk = RiskKind.Visibility,
        Remediation = "Enable it (aws ecs update-cluster-settings --cluster <cluster> --settings name=containerInsights,value=enabled; Terraform setting { name = \"containerInsights\" value = \"enabled\" }).",
        Mappings = new()
        {
            ConfigRules = [new("ECS_CONTAINER_INSIGHTS_ENABLED", "ecs-container-insights-enabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ecs_cluster_container_insights_enabled"],
            CheckovIds = ["CKV_AWS_65"],
            SecurityHubControls = ["ECS.12"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
