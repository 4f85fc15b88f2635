using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>Task definitions must not share the host's process namespace.</summary>
public static class EcsTaskDefinitionPidModeCheck
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-task-definition-pid-mode-check",
        Title = "ECS task definition shares the host process namespace",
        Description = "The task definition sets pidMode to host, so its containers can see and signal every process on the host, breaking the isolation between tasks and the host.",
        Severity = ControlSeverity.High,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.ContainerEscape,
        Remediation = "Register a new revision with pidMode set to task or left unset, update the services to it, and deregister the revision that uses the host PID namespace.",
        Mappings = new()
        {
            ConfigRules = [new("ECS_TASK_DEFINITION_PID_MODE_CHECK", "ecs-task-definition-pid-mode-check", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ecs_task_definitions_host_namespace_not_shared"],
            CheckovIds = ["CKV_AWS_335"],
            SecurityHubControls = ["ECS.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
