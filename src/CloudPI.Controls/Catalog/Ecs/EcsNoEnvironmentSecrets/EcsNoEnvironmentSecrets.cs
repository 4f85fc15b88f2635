using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>Credentials must not be passed to containers as plain environment variables.</summary>
public static class EcsNoEnvironmentSecrets
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-no-environment-secrets",
        Title = "ECS task definition passes secrets in environment variables",
        Description = "A container definition sets a credential (such as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or ECS_ENGINE_AUTH_DATA) as a plaintext environment variable, readable by anyone who can describe the task definition.",
        Severity = ControlSeverity.Critical,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::TaskDefinition"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Move the values to Secrets Manager or SSM Parameter Store and reference them in the container's secrets block (valueFrom), rotate the exposed credentials, and deregister the old task definition revisions.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("ECS_NO_ENVIRONMENT_SECRETS", "ecs-no-environment-secrets", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("secretKeys", "CSV", false),
                    ],
                },
            ],
            ProwlerChecks = ["ecs_task_definitions_no_environment_secrets"],
            ProwlerLegacyChecks = ["extra768"],
            SecurityHubControls = ["ECS.8"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
