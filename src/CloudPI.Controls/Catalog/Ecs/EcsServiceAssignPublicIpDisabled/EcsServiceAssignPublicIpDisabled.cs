using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ecs;

/// <summary>
/// ECS services (and task sets) must not give their tasks public IP addresses (Security Hub ECS.2). Judged on the
/// graph by what the setting produces: a running task of the service whose interface holds a public address.
/// </summary>
public static class EcsServiceAssignPublicIpDisabled
{
    public static Control Control { get; } = new()
    {
        Id = "ecs-service-assign-public-ip-disabled",
        Title = "ECS service assigns public IP addresses to its tasks",
        Description = "The service's awsvpc network configuration sets assignPublicIp to ENABLED, so every task it starts gets an interface with a public address: each task is an internet endpoint of its own, with only its security group in front.",
        Severity = ControlSeverity.High,
        Service = "ECS",
        ResourceTypes = ["AWS::ECS::Service", "AWS::ECS::TaskSet"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Set assignPublicIp to DISABLED in the service's network configuration (aws ecs update-service --network-configuration 'awsvpcConfiguration={subnets=[...],securityGroups=[...],assignPublicIp=DISABLED}'), run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound traffic, and publish them through a load balancer.",
        Mappings = new()
        {
            OtherConfigRuleNames = ["ecs-service-assign-public-ip-disabled"],
            ProwlerChecks = ["ecs_service_no_assign_public_ip", "ecs_task_set_no_assign_public_ip"],
            CheckovIds = ["CKV_AWS_333"],
            SecurityHubControls = ["ECS.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
