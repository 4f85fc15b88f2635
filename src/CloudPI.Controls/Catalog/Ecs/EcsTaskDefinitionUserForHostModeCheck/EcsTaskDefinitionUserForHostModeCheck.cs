using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>Task definitions in host network mode must not run non-privileged containers as root.</summary>
public static class EcsTaskDefinitionUserForHostModeCheck
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-task-definition-user-for-host-mode-check",
        Title = "ECS task in host network mode runs containers as root",
        Description = "The task definition uses the host network mode and a container runs as root (no user set), so the container shares the host's network stack with root rights and can bind ports or interfere with host traffic.",
        Severity = ControlSeverity.High,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.ContainerEscape,
        Remediation = "Switch the task definition to the awsvpc network mode, or set a non-root user (e.g. \"user\": \"1000\") on each container that keeps host mode, register the new revision and update the services.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK", "ecs-task-definition-user-for-host-mode-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("SkipInactiveTaskDefinitions", "boolean", true),
                    ],
                },
            ],
            ProwlerChecks = ["ecs_task_definitions_host_networking_mode_users"],
            SecurityHubControls = ["ECS.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
