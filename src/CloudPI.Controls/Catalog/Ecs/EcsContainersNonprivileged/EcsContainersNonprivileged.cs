using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>ECS container definitions must not run privileged.</summary>
public static class EcsContainersNonprivileged
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-containers-nonprivileged",
        Title = "ECS task definition runs a privileged container",
        Description = "A container definition sets privileged to true, giving the container root-equivalent access to the host; a compromise of the container becomes a compromise of the host and its other tasks.",
        Severity = ControlSeverity.High,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.ContainerEscape,
        Remediation = "Register a new task definition revision with privileged set to false (or omitted) for every container, grant only the specific Linux capabilities needed, and update the services to the new revision.",
        Mappings = new()
        {
            ConfigRules = [new("ECS_CONTAINERS_NONPRIVILEGED", "ecs-containers-nonprivileged", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ecs_task_definitions_no_privileged_containers"],
            SecurityHubControls = ["ECS.4"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
