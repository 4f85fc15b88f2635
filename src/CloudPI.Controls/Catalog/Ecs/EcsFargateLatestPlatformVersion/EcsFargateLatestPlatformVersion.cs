using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>Fargate services should run on the latest platform version.</summary>
public static class EcsFargateLatestPlatformVersion
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-fargate-latest-platform-version",
        Title = "ECS Fargate service does not use the latest platform version",
        Description = "The Fargate service is pinned to an older platform version, so its tasks miss the kernel and runtime security fixes of the current release.",
        Severity = ControlSeverity.Medium,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::Service"],
        Risk = RiskKind.Hygiene,
        Remediation = "Set the service's platform version to LATEST (aws ecs update-service --cluster <cluster> --service <service> --platform-version LATEST --force-new-deployment).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("ECS_FARGATE_LATEST_PLATFORM_VERSION", "ecs-fargate-latest-platform-version", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("latestLinuxVersion", "String", true),
                        new("latestWindowsVersion", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["ecs_service_fargate_latest_platform_version"],
            SecurityHubControls = ["ECS.10"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
