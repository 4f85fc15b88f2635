using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>ECS containers should mount their root filesystem read-only.</summary>
public static class EcsContainersReadonlyAccess
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-containers-readonly-access",
        Title = "ECS container has a writable root filesystem",
        Description = "A container definition does not set readonlyRootFilesystem, so an attacker inside the container can modify binaries and configuration or drop tools onto its filesystem.",
        Severity = ControlSeverity.High,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Set readonlyRootFilesystem to true on each container definition, give write access only through explicit volumes (e.g. a tmpfs or bind mount for /tmp), and register a new revision.",
        Mappings = new()
        {
            ConfigRules = [new("ECS_CONTAINERS_READONLY_ACCESS", "ecs-containers-readonly-access", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["ecs_task_definitions_containers_readonly_access"],
            CheckovIds = ["CKV_AWS_336"],
            SecurityHubControls = ["ECS.5"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
