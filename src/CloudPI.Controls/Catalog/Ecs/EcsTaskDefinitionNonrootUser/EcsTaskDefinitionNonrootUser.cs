using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>ECS containers should run as a non-root user.</summary>
public static class EcsTaskDefinitionNonrootUser
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-task-definition-nonroot-user",
        Title = "ECS task definition runs containers as root",
        Description = "A container definition sets no user or the root user, so a process that breaks out of the application runs with root rights inside the container, which makes container escapes easier.",
        Severity = ControlSeverity.Medium,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.ContainerEscape,
        Remediation = "Set the user parameter of each container definition to a non-root UID (or build the image with a USER instruction), register a new task definition revision and update the services.",
        Mappings = new()
        {
            ConfigRules = [new("ECS_TASK_DEFINITION_NONROOT_USER", "ecs-task-definition-nonroot-user", ConfigRuleTrigger.ConfigurationChange)],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
