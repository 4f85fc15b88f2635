using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>Every container in a task definition should have a log configuration.</summary>
public static class EcsTaskDefinitionLogConfiguration
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-task-definition-log-configuration",
        Title = "ECS task definition has containers without logging",
        Description = "At least one container definition has no logConfiguration, so its output is lost and intrusions or failures inside it leave no trace.",
        Severity = ControlSeverity.Medium,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.Visibility,
        Remediation = "Add a logConfiguration (for example logDriver awslogs with awslogs-group and awslogs-region, or FireLens) to every container definition and register a new revision.",
        Mappings = new()
        {
            ConfigRules = [new("ECS_TASK_DEFINITION_LOG_CONFIGURATION", "ecs-task-definition-log-configuration", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ecs_task_definitions_logging_enabled"],
            SecurityHubControls = ["ECS.9"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
